/**
 * Error bodies, the exception handler, friendly pages, request paths, filter order,
 * public URLs.
 */
@org.springframework.modulith.NamedInterface("web")
package com.smartengage.common.web;
