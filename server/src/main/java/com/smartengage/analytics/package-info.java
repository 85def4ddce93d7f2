/**
 * Funnels, time series and breakdowns per campaign and screen, read from rollups of the
 * journey events (ADR 0004); the admin analytics API and the CSV exports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Analytics")
package com.smartengage.analytics;
