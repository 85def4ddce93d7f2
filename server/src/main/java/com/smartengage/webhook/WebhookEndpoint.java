package com.smartengage.webhook;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An endpoint as operators see it: never its secret.
 *
 * @param mode {@code live} or {@code test}: the mode of the sessions whose events it
 * hears
 * @param previousSecretUntil while the secret before the last rotation still signs
 * deliveries, until when; otherwise null
 * @param failingSince since when every attempt failed; null after a success
 */
public record WebhookEndpoint(long id, @JsonProperty("partner_id") long partnerId, String url, String description,
		List<String> events, String mode, boolean enabled, @JsonProperty("disabled_reason") String disabledReason,
		@JsonProperty("failing_since") Instant failingSince,
		@JsonProperty("previous_secret_until") Instant previousSecretUntil,
		@JsonProperty("created_at") Instant createdAt, @JsonProperty("updated_at") Instant updatedAt) {
}
