/**
 * The Tomcat connector's edge: header and body deadlines for slow clients (ADR 0009) and
 * the error valve that renders Tomcat's own refusals. Internal to the common module.
 */
package com.smartengage.common.http;
