package com.smartengage.coupon;

import java.time.Instant;
import java.util.UUID;

/**
 * A coupon was redeemed at the till. Published inside the redeeming transaction, so a
 * listener that writes too (the webhook outbox) commits or rolls back with it.
 */
public record CouponRedeemed(UUID sessionId, long partnerId, long campaignId, String couponCode, Instant redeemedAt) {
}
