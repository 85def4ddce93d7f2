package com.smartengage.client;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the success bodies of the partner API into the SDK's records. A 2xx whose body is
 * not what the contract promises (a proxy's page, say) is a {@link SmartEngageException}
 * naming what is wrong, never a half-filled record.
 */
final class Answers {

	private Answers() {
	}

	static <T> T read(HttpResponse<byte[]> response, Function<JsonFields, T> reader) {
		try {
			return reader.apply(JsonFields.parse(response.body()));
		}
		catch (IllegalArgumentException ex) {
			throw new SmartEngageException(response.statusCode(),
					"The answer to " + response.request().method() + " " + response.request().uri().getPath()
							+ " is not the expected JSON: " + ex.getMessage(),
					null, response.headers().firstValue(ErrorAnswers.REQUEST_ID).orElse(null), ex);
		}
	}

	static StatusUpdated statusUpdated(JsonFields body) {
		return new StatusUpdated(body.text("message"));
	}

	static IssuedCoupon issuedCoupon(JsonFields body) {
		return new IssuedCoupon(body.text("coupon_code"), body.uri("coupon_url"), body.instant("expires_at"),
				body.text("session_id"));
	}

	static RedeemedCoupon redeemedCoupon(JsonFields body) {
		return new RedeemedCoupon(body.text("coupon_code"), body.instant("redeemed_at"), body.text("session_id"));
	}

	static SandboxSession sandboxSession(JsonFields body) {
		return new SandboxSession(body.text("session_id"), body.uri("form_url"));
	}

	static Session session(JsonFields body) {
		List<Session.Step> steps = body.objects("steps")
			.stream()
			.map((step) -> new Session.Step(step.text("step"), step.instant("at")))
			.toList();
		JsonFields coupon = body.optionalObject("coupon");
		return new Session(body.text("session_id"), body.number("campaign_id"), body.optionalNumber("screen_id"),
				body.text("flow"), body.text("status"), body.bool("ended"), body.bool("expired"),
				body.instant("created_at"), body.instant("expires_at"), steps,
				(coupon != null) ? new Session.Coupon(coupon.text("coupon_code"), coupon.uri("coupon_url"),
						coupon.instant("issued_at"), coupon.instant("expires_at"),
						coupon.optionalInstant("redeemed_at")) : null);
	}

}
