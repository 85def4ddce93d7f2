package com.smartengage.webhook;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to registering an endpoint: the only time its secret is shown.
 *
 * @param mode {@code live} or {@code test}: the mode of the sessions whose events it
 * hears
 */
public record CreatedWebhookEndpoint(long id, @JsonProperty("partner_id") long partnerId, String url,
		String description, List<String> events, String mode, String secret, boolean enabled,
		@JsonProperty("created_at") Instant createdAt) {

	/**
	 * Without the secret: Spring MVC logs the body it writes at DEBUG by its toString.
	 */
	@Override
	public String toString() {
		return "CreatedWebhookEndpoint[id=" + this.id + ", partnerId=" + this.partnerId + ", secret=(not shown)]";
	}

}
