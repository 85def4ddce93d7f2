package com.smartengage.common.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits: token buckets held in memory, so each server instance counts on its own (N
 * instances behind a load balancer let through up to N times as much in total). A bucket
 * holds up to its burst and refills at its rate per minute; a request that finds it empty
 * gets a 429 with {@code Retry-After}.
 *
 * @param scanEnabled whether scans ({@code /s/**}) are limited per client IP address
 * @param scanPerMinute scans per minute one client IP address may keep up
 * @param scanBurst scans one client IP address may make at once before the rate applies
 * @param partnerApiEnabled whether the partner API ({@code /smart-engage/**}) is limited
 * per API key
 * @param partnerApiPerMinute partner API requests per minute one API key may keep up
 * @param partnerApiBurst partner API requests one API key may make at once
 * @param loginEnabled whether failed admin logins (a wrong admin bearer token, a failed
 * dashboard login) are limited per client IP address
 * @param loginPerMinute failed logins per minute one client IP address may keep up
 * @param loginBurst failed logins one client IP address may make before being refused
 * @param maxTrackedClients most IP addresses or API keys each limit keeps a bucket for
 * (bounds memory under a flood of distinct addresses)
 */
@ConfigurationProperties("smart-engage.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean scanEnabled, @DefaultValue("600") int scanPerMinute,
		@DefaultValue("1200") int scanBurst, @DefaultValue("true") boolean partnerApiEnabled,
		@DefaultValue("6000") int partnerApiPerMinute, @DefaultValue("3000") int partnerApiBurst,
		@DefaultValue("true") boolean loginEnabled, @DefaultValue("10") int loginPerMinute,
		@DefaultValue("20") int loginBurst, @DefaultValue("100000") int maxTrackedClients) {

	public RateLimitProperties {
		positive("scan-per-minute", scanPerMinute);
		positive("scan-burst", scanBurst);
		positive("partner-api-per-minute", partnerApiPerMinute);
		positive("partner-api-burst", partnerApiBurst);
		positive("login-per-minute", loginPerMinute);
		positive("login-burst", loginBurst);
		positive("max-tracked-clients", maxTrackedClients);
	}

	private static void positive(String name, int value) {
		if (value < 1) {
			throw new IllegalArgumentException("smart-engage.rate-limit." + name + " must be at least 1, not " + value
					+ "; to turn a limit off, set its -enabled property to false");
		}
	}

}
