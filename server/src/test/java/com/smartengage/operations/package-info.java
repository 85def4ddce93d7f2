/**
 * What operators rely on: health, metrics, the API description and the answers to unknown
 * routes.
 */
package com.smartengage.operations;
