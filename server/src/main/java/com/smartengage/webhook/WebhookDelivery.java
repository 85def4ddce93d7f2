package com.smartengage.webhook;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One event sent to one endpoint, with its attempts so far.
 *
 * @param state {@code pending}, {@code delivered} or {@code failed}
 * @param nextAttemptAt when it is tried next, while pending
 * @param attemptLog each attempt, newest first, when asked for one delivery
 */
public record WebhookDelivery(long id, @JsonProperty("endpoint_id") long endpointId,
		@JsonProperty("event_type") String eventType, @JsonProperty("webhook_id") String webhookId, int attempts,
		@JsonProperty("last_status_code") Integer lastStatusCode, @JsonProperty("last_error") String lastError,
		@JsonProperty("last_attempt_at") Instant lastAttemptAt, @JsonProperty("next_attempt_at") Instant nextAttemptAt,
		String state, @JsonProperty("created_at") Instant createdAt,
		@JsonInclude(JsonInclude.Include.NON_NULL) String payload,
		@JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("attempt_log") List<Attempt> attemptLog) {

	/** One attempt and what the receiver answered (its first characters). */
	public record Attempt(@JsonProperty("attempted_at") Instant attemptedAt,
			@JsonProperty("duration_ms") long durationMs, @JsonProperty("status_code") Integer statusCode, String error,
			String response) {
	}

	WebhookDelivery withDetails(String payload, List<Attempt> attemptLog) {
		return new WebhookDelivery(this.id, this.endpointId, this.eventType, this.webhookId, this.attempts,
				this.lastStatusCode, this.lastError, this.lastAttemptAt, this.nextAttemptAt, this.state, this.createdAt,
				payload, attemptLog);
	}

}
