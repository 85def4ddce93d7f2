package com.smartengage.coupon;

import java.time.Instant;

/**
 * What the shopper's coupon page shows.
 *
 * @param test whether it is a sandbox coupon, which no till accepts
 */
public record CouponPage(String campaignName, String code, Instant issuedAt, Instant expiresAt, Instant redeemedAt,
		boolean expired, boolean test) {
}
