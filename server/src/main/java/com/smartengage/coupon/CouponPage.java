package com.smartengage.coupon;

import java.time.Instant;

/** What the shopper's coupon page shows. */
public record CouponPage(String campaignName, String code, Instant issuedAt, Instant expiresAt, Instant redeemedAt,
		boolean expired) {
}
