package com.smartengage.common.http;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deadlines for slow clients, which Tomcat's own timeouts do not give: its
 * {@code connection-timeout} bounds one wait for bytes, so a client that sends a byte now
 * and then holds its connection (and, while it sends a body, a request thread) for as
 * long as it likes. A client that misses a deadline has its connection closed.
 *
 * @param enabled whether slow requests are dropped at all
 * @param headerTimeout how long a request's line and headers may take to arrive, from its
 * first byte (an idle kept-alive connection is not timed by this)
 * @param bodyGrace how long a request body may take before the minimum rate applies
 * @param bodyMinRate bytes per second a body must average after the grace: after t
 * seconds at least {@code body-min-rate * (t - body-grace)} bytes must have arrived
 * @param checkInterval how often open connections are checked against the deadlines
 */
@ConfigurationProperties("smart-engage.http")
public record HttpDeadlineProperties(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration headerTimeout,
		@DefaultValue("5s") Duration bodyGrace, @DefaultValue("500") int bodyMinRate,
		@DefaultValue("250ms") Duration checkInterval) {

	public HttpDeadlineProperties {
		positive("header-timeout", headerTimeout);
		positive("check-interval", checkInterval);
		if (bodyGrace.isNegative()) {
			throw new IllegalArgumentException("smart-engage.http.body-grace must not be negative, not " + bodyGrace);
		}
		if (bodyMinRate < 1) {
			throw new IllegalArgumentException(
					"smart-engage.http.body-min-rate must be at least 1 (bytes per second), not " + bodyMinRate
							+ "; to turn the deadlines off, set smart-engage.http.enabled to false");
		}
	}

	private static void positive(String name, Duration value) {
		if (value.isZero() || value.isNegative()) {
			throw new IllegalArgumentException("smart-engage.http." + name + " must be more than zero, not " + value
					+ "; to turn the deadlines off, set smart-engage.http.enabled to false");
		}
	}

}
