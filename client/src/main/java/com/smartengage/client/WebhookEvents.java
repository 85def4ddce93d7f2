package com.smartengage.client;

import java.time.Instant;

/**
 * Reads a verified delivery's body, {@code {"type", "timestamp", "data"}}, into its
 * {@link WebhookEvent}. Fields of {@code data} this SDK does not know are ignored (the
 * server may add some); a missing or ill-typed known one refuses the delivery.
 */
final class WebhookEvents {

	private WebhookEvents() {
	}

	static WebhookEvent read(String id, byte[] body) {
		try {
			JsonFields event = JsonFields.parse(body);
			String type = event.text("type");
			Instant timestamp = event.instant("timestamp");
			JsonFields data = event.object("data");
			switch (type) {
				case WebhookEvent.SessionStatusChanged.TYPE:
					return new WebhookEvent.SessionStatusChanged(id, timestamp, data.text("session_id"),
							data.number("campaign_id"), data.optionalNumber("screen_id"), data.text("status"),
							data.optionalText("previous_status"), data.instant("changed_at"));
				case WebhookEvent.CouponIssued.TYPE:
					return new WebhookEvent.CouponIssued(id, timestamp, data.text("session_id"),
							data.number("campaign_id"), data.text("coupon_code"), data.instant("issued_at"),
							data.instant("expires_at"));
				case WebhookEvent.CouponRedeemed.TYPE:
					return new WebhookEvent.CouponRedeemed(id, timestamp, data.text("session_id"),
							data.number("campaign_id"), data.text("coupon_code"), data.instant("redeemed_at"));
				case WebhookEvent.Test.TYPE:
					return new WebhookEvent.Test(id, timestamp, data.number("endpoint_id"), data.number("partner_id"),
							data.text("message"));
				default:
					return new WebhookEvent.Unknown(id, type, timestamp, event.json("data"));
			}
		}
		catch (IllegalArgumentException ex) {
			throw new WebhookVerificationException(
					"The signed body is not a Smart Engage webhook event: " + ex.getMessage(), ex);
		}
	}

}
