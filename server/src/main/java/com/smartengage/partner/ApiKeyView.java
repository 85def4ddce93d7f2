package com.smartengage.partner;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An API key as operators may see it later: never the key, only its first characters.
 *
 * @param mode {@code live} or {@code test}
 */
public record ApiKeyView(long id, @JsonProperty("partner_id") long partnerId,
		@JsonProperty("key_prefix") String keyPrefix, String mode, @JsonProperty("created_at") Instant createdAt,
		@JsonProperty("revoked_at") Instant revokedAt, boolean active) {
}
