package com.smartengage.partner;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An API key as operators may see it later: never the key, only its first characters. */
public record ApiKeyView(long id, @JsonProperty("partner_id") long partnerId,
		@JsonProperty("key_prefix") String keyPrefix, @JsonProperty("created_at") Instant createdAt,
		@JsonProperty("revoked_at") Instant revokedAt, boolean active) {
}
