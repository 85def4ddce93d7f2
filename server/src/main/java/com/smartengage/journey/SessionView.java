package com.smartengage.journey;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A session as the partner API's {@code GET /smart-engage/get/session/<id>} shows it.
 *
 * @param screenId the scanned screen; null for a sandbox session, which no screen made
 */
record SessionView(@JsonProperty("session_id") String sessionId, @JsonProperty("campaign_id") long campaignId,
		@JsonProperty("screen_id") Long screenId, String flow, String status, boolean ended, boolean expired,
		@JsonProperty("created_at") Instant createdAt, @JsonProperty("expires_at") Instant expiresAt, List<Step> steps,
		Coupon coupon) {

	record Step(String step, Instant at) {
	}

	record Coupon(@JsonProperty("coupon_code") String couponCode, @JsonProperty("coupon_url") String couponUrl,
			@JsonProperty("issued_at") Instant issuedAt, @JsonProperty("expires_at") Instant expiresAt,
			@JsonProperty("redeemed_at") Instant redeemedAt) {
	}

}
