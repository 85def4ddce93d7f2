/**
 * The operator dashboard: login and sessions, pages for partners (with their webhook
 * endpoints and delivery logs), screens, flows and campaigns, live updates over
 * server-sent events, exports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboard")
package com.smartengage.dashboard;
