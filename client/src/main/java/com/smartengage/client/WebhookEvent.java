package com.smartengage.client;

import java.time.Instant;

/**
 * An event of a webhook delivery, as
 * {@link WebhookVerifier#verify(java.util.Map, byte[])} answers it once the signature
 * checked out: one record per event type, and {@link Unknown} for a type this SDK does
 * not know yet.
 *
 * <pre>{@code
 * WebhookEvent event = verifier.verify(headers, body);
 * if (alreadyHandled(event.id())) { return 204; }   // deliveries come at least once
 * if (event instanceof WebhookEvent.CouponIssued issued) {
 *     sendToShopper(issued.sessionId(), issued.couponCode());
 * }
 * }</pre>
 */
public sealed interface WebhookEvent {

	/**
	 * The event's id ({@code webhook-id}, {@code msg_...}): the same on every attempt of
	 * a delivery, so a receiver can drop a repeat.
	 * @return the id
	 */
	String id();

	/**
	 * The event's type, as on the wire.
	 * @return such as {@code coupon.issued}
	 */
	String type();

	/**
	 * When the event happened.
	 * @return the body's {@code timestamp}
	 */
	Instant timestamp();

	/**
	 * {@code session.status_changed}: a scan started a session (status {@code SCANNED},
	 * no previous status) or the partner moved it.
	 *
	 * @param id the event's id
	 * @param timestamp when the event happened
	 * @param sessionId the session
	 * @param campaignId its campaign
	 * @param screenId the screen that was scanned; null for a sandbox session
	 * @param status the session's new status
	 * @param previousStatus its status before, or null for a new session
	 * @param changedAt when it changed
	 */
	record SessionStatusChanged(String id, Instant timestamp, String sessionId, long campaignId, Long screenId,
			String status, String previousStatus, Instant changedAt) implements WebhookEvent {

		/** The type on the wire. */
		public static final String TYPE = "session.status_changed";

		@Override
		public String type() {
			return TYPE;
		}

	}

	/**
	 * {@code coupon.issued}: the session got its coupon.
	 *
	 * @param id the event's id
	 * @param timestamp when the event happened
	 * @param sessionId the session
	 * @param campaignId its campaign
	 * @param couponCode the code
	 * @param issuedAt when it was issued
	 * @param expiresAt when it stops being redeemable
	 */
	record CouponIssued(String id, Instant timestamp, String sessionId, long campaignId, String couponCode,
			Instant issuedAt, Instant expiresAt) implements WebhookEvent {

		/** The type on the wire. */
		public static final String TYPE = "coupon.issued";

		@Override
		public String type() {
			return TYPE;
		}

	}

	/**
	 * {@code coupon.redeemed}: the till redeemed the session's coupon.
	 *
	 * @param id the event's id
	 * @param timestamp when the event happened
	 * @param sessionId the session
	 * @param campaignId its campaign
	 * @param couponCode the code
	 * @param redeemedAt when it was redeemed
	 */
	record CouponRedeemed(String id, Instant timestamp, String sessionId, long campaignId, String couponCode,
			Instant redeemedAt) implements WebhookEvent {

		/** The type on the wire. */
		public static final String TYPE = "coupon.redeemed";

		@Override
		public String type() {
			return TYPE;
		}

	}

	/**
	 * {@code webhook.test}: an operator sent a test event to the endpoint.
	 *
	 * @param id the event's id
	 * @param timestamp when it was sent
	 * @param endpointId the endpoint it was sent to
	 * @param partnerId the endpoint's partner
	 * @param message a line for whoever reads the receiver's log
	 */
	record Test(String id, Instant timestamp, long endpointId, long partnerId, String message) implements WebhookEvent {

		/** The type on the wire. */
		public static final String TYPE = "webhook.test";

		@Override
		public String type() {
			return TYPE;
		}

	}

	/**
	 * An event of a type this SDK does not know yet (the server may add types); it is
	 * signed like the others.
	 *
	 * @param id the event's id
	 * @param type its type
	 * @param timestamp when it happened
	 * @param data its {@code data} as JSON text
	 */
	record Unknown(String id, String type, Instant timestamp, String data) implements WebhookEvent {
	}

}
