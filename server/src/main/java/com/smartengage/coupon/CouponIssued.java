package com.smartengage.coupon;

import java.time.Instant;
import java.util.UUID;

/**
 * A session was given its coupon. Published inside the issuing transaction, so a listener
 * that writes too (the webhook outbox) commits or rolls back with it.
 *
 * @param test whether it is a sandbox session's coupon: only test-mode listeners may act
 * on it
 */
public record CouponIssued(UUID sessionId, long partnerId, long campaignId, String couponCode, Instant issuedAt,
		Instant expiresAt, boolean test) {
}
