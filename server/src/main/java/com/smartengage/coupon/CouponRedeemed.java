package com.smartengage.coupon;

import java.time.Instant;
import java.util.UUID;

/**
 * A coupon was redeemed at the till. Published inside the redeeming transaction, so a
 * listener that writes too (the webhook outbox) commits or rolls back with it.
 *
 * @param test whether it is a sandbox coupon: only test-mode listeners may act on it
 */
public record CouponRedeemed(UUID sessionId, long partnerId, long campaignId, String couponCode, Instant redeemedAt,
		boolean test) {
}
