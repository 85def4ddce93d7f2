package com.smartengage.dashboard;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the operator dashboard.
 *
 * @param sessionIdleTimeout how long an operator stays logged in without using the
 * dashboard
 * @param sessionMaxAge how long a login lasts at most, however busy the operator is
 * @param secureCookie whether the session cookie is marked {@code Secure} on every
 * answer; when false it is marked so only on requests that came in over HTTPS (set it
 * behind a proxy that ends TLS)
 * @param timeZone the IANA time zone of "today" and of dates on the dashboard
 * @param liveMaxSubscribers most open live streams (campaign pages) one instance serves
 * @param liveHeartbeat how often an open live stream gets a heartbeat, so that proxies
 * keep it open
 * @param liveCoalesce shortest time between two change notifications one instance sends,
 * however many scans and steps arrive in between
 * @param liveStreamTimeout how long one live stream stays open before the browser
 * reconnects
 */
@ConfigurationProperties("smart-engage.dashboard")
public record DashboardProperties(@DefaultValue("2h") Duration sessionIdleTimeout,
		@DefaultValue("12h") Duration sessionMaxAge, @DefaultValue("false") boolean secureCookie,
		@DefaultValue("UTC") String timeZone, @DefaultValue("200") int liveMaxSubscribers,
		@DefaultValue("15s") Duration liveHeartbeat, @DefaultValue("500ms") Duration liveCoalesce,
		@DefaultValue("10m") Duration liveStreamTimeout) {

}
