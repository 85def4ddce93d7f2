package com.smartengage.client;

import java.net.URI;
import java.time.Instant;

/**
 * The coupon {@link SmartEngageClient#issueCoupon(String)} gave the session.
 *
 * @param couponCode the code the till redeems
 * @param couponUrl the shopper's coupon page: the code, a QR of it, the expiry
 * @param expiresAt when the coupon stops being redeemable
 * @param sessionId the session the coupon belongs to
 */
public record IssuedCoupon(String couponCode, URI couponUrl, Instant expiresAt, String sessionId) {
}
