/**
 * The operator dashboard: login and sessions, pages for partners, screens, flows and
 * campaigns, live updates over server-sent events, exports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboard")
package com.smartengage.dashboard;
