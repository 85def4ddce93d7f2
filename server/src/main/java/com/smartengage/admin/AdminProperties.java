package com.smartengage.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the admin API.
 *
 * @param token the bearer token of the admin API ({@code SMART_ENGAGE_ADMIN_TOKEN});
 * without it the admin API refuses every request
 */
@ConfigurationProperties("smart-engage.admin")
public record AdminProperties(String token) {

	public boolean enabled() {
		return this.token != null && !this.token.isBlank();
	}

	/** Without the token, should the settings ever be logged. */
	@Override
	public String toString() {
		return "AdminProperties[token=" + (enabled() ? "(set, not shown)" : "(not set)") + "]";
	}

}
