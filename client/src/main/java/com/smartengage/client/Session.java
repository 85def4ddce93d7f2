package com.smartengage.client;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A session as {@link SmartEngageClient#getSession(String)} shows it: where the shopper's
 * journey stands, how it got there, and its coupon.
 *
 * @param sessionId the session's id
 * @param campaignId the campaign that was scanned
 * @param screenId the screen its QR code was shown on; null for a sandbox session
 * @param flow the name of the campaign's journey flow, such as {@code FILL_FORM}
 * @param status the step the session is at, such as {@code FORM_APPROVED}
 * @param ended whether the session reached the end of its flow (or a failure)
 * @param expired whether the session's lifetime has passed
 * @param createdAt when the QR code was scanned
 * @param expiresAt when the session's lifetime ends
 * @param steps every step the session went through, oldest first
 * @param coupon the session's coupon, or null before one is issued
 */
public record Session(String sessionId, long campaignId, Long screenId, String flow, String status, boolean ended,
		boolean expired, Instant createdAt, Instant expiresAt, List<Step> steps, Coupon coupon) {

	/**
	 * The session's steps, unmodifiable.
	 * @param sessionId the session's id
	 * @param campaignId the campaign that was scanned
	 * @param screenId the screen its QR code was shown on; null for a sandbox session;
	 * null for a sandbox session
	 * @param flow the name of the campaign's journey flow
	 * @param status the step the session is at
	 * @param ended whether the session reached the end of its flow
	 * @param expired whether the session's lifetime has passed
	 * @param createdAt when the QR code was scanned
	 * @param expiresAt when the session's lifetime ends
	 * @param steps every step the session went through, oldest first
	 * @param coupon the session's coupon, or null
	 */
	public Session {
		steps = List.copyOf(steps);
	}

	/**
	 * The coupon, if one was issued.
	 * @return the coupon, or empty
	 */
	public Optional<Coupon> issuedCoupon() {
		return Optional.ofNullable(this.coupon);
	}

	/**
	 * One step of the session's journey.
	 *
	 * @param step the step, such as {@code SCANNED} or {@code FORM_REVIEWING}
	 * @param at when the session reached it
	 */
	public record Step(String step, Instant at) {
	}

	/**
	 * The session's coupon.
	 *
	 * @param couponCode the code the till redeems
	 * @param couponUrl the shopper's coupon page
	 * @param issuedAt when it was issued
	 * @param expiresAt when it stops being redeemable
	 * @param redeemedAt when it was redeemed, or null
	 */
	public record Coupon(String couponCode, URI couponUrl, Instant issuedAt, Instant expiresAt, Instant redeemedAt) {

		/**
		 * Whether the till has redeemed it.
		 * @return true once redeemed
		 */
		public boolean redeemed() {
			return this.redeemedAt != null;
		}

	}

}
