package com.smartengage.client;

import java.time.Instant;

/**
 * A coupon {@link SmartEngageClient#redeemCoupon(String)} redeemed.
 *
 * @param couponCode the code, as the server stores it
 * @param redeemedAt when it was redeemed
 * @param sessionId the session the coupon was issued to
 */
public record RedeemedCoupon(String couponCode, Instant redeemedAt, String sessionId) {
}
