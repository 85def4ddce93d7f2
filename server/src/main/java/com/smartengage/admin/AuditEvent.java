package com.smartengage.admin;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One recorded admin action. */
public record AuditEvent(long id, @JsonProperty("occurred_at") Instant occurredAt, String actor, String action,
		@JsonProperty("target_type") String targetType, @JsonProperty("target_id") String targetId, String details) {
}
