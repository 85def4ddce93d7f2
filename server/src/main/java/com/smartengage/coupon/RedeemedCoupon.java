package com.smartengage.coupon;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The redeem-coupon success body. */
public record RedeemedCoupon(String message, @JsonProperty("coupon_code") String couponCode,
		@JsonProperty("redeemed_at") Instant redeemedAt, @JsonProperty("session_id") String sessionId) {
}
