package com.smartengage.coupon;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The engage-v3 success body: the contract's message plus the coupon. */
public record IssuedCoupon(String message, @JsonProperty("coupon_code") String couponCode,
		@JsonProperty("coupon_url") String couponUrl, @JsonProperty("expires_at") Instant expiresAt,
		@JsonProperty("session_id") String sessionId) {
}
