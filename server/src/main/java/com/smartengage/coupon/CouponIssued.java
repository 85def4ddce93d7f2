package com.smartengage.coupon;

import java.time.Instant;
import java.util.UUID;

/**
 * A session was given its coupon. Published inside the issuing transaction, so a listener
 * that writes too (the webhook outbox) commits or rolls back with it.
 */
public record CouponIssued(UUID sessionId, long partnerId, long campaignId, String couponCode, Instant issuedAt,
		Instant expiresAt) {
}
