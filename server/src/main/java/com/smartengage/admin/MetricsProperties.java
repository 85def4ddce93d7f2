package com.smartengage.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may read the metrics.
 *
 * @param token the bearer token Prometheus scrapes {@code /actuator/prometheus} with
 * ({@code SMART_ENGAGE_METRICS_TOKEN}); the admin token is accepted as well, and without
 * either every scrape is refused
 */
@ConfigurationProperties("smart-engage.metrics")
public record MetricsProperties(String token) {

	public boolean enabled() {
		return this.token != null && !this.token.isBlank();
	}

	/** Without the token, should the settings ever be logged. */
	@Override
	public String toString() {
		return "MetricsProperties[token=" + (enabled() ? "(set, not shown)" : "(not set)") + "]";
	}

}
