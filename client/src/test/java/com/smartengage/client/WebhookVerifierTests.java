package com.smartengage.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Standard Webhooks 1.0 verification: the specification's test vector, what must be
 * refused, and the typed events of each body.
 */
class WebhookVerifierTests {

	private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";

	private static final String SPEC_TIMESTAMP = "1614265330";

	private static final byte[] SPEC_BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

	private static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

	private static final Instant NOW = Instant.ofEpochSecond(1614265330);

	private static final String SECRET = "whsec_"
			+ Base64.getEncoder().encodeToString("our-endpoints-secret-of-32-bytes".getBytes(StandardCharsets.UTF_8));

	private static final String OTHER_SECRET = "whsec_"
			+ Base64.getEncoder().encodeToString("another-secret-also-of-32-bytes!".getBytes(StandardCharsets.UTF_8));

	private final WebhookVerifier spec = new WebhookVerifier(SPEC_SECRET).withClock(clock(NOW));

	@Test
	void theSpecificationsTestVectorVerifies() {
		assertThatCode(() -> this.spec.verifySignature(SPEC_ID, SPEC_TIMESTAMP, SPEC_SIGNATURE, SPEC_BODY))
			.doesNotThrowAnyException();
		assertThatCode(() -> new WebhookVerifier(SPEC_SECRET.substring("whsec_".length())).withClock(clock(NOW))
			.verifySignature(SPEC_ID, SPEC_TIMESTAMP, SPEC_SIGNATURE, SPEC_BODY)).doesNotThrowAnyException();
	}

	@Test
	void anyMatchingV1SignatureAmongSeveralVerifies() {
		String signatures = "v1a,ignored v1,bm90IHRoaXMgb25l " + SPEC_SIGNATURE + " v2,whatever";

		assertThatCode(() -> this.spec.verifySignature(SPEC_ID, SPEC_TIMESTAMP, signatures, SPEC_BODY))
			.doesNotThrowAnyException();
	}

	@Test
	void aChangedBodyIdTimestampOrSignatureIsRefused() {
		refused(() -> this.spec.verifySignature(SPEC_ID, SPEC_TIMESTAMP, SPEC_SIGNATURE,
				"{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8)), "signature");
		refused(() -> this.spec.verifySignature("msg_other", SPEC_TIMESTAMP, SPEC_SIGNATURE, SPEC_BODY), "signature");
		refused(() -> this.spec.verifySignature(SPEC_ID, "1614265331", SPEC_SIGNATURE, SPEC_BODY), "signature");
		refused(() -> this.spec.verifySignature(SPEC_ID, SPEC_TIMESTAMP, "v1,g0hM9SsE+OTPJTGt", SPEC_BODY),
				"signature");
		refused(() -> this.spec.verifySignature(SPEC_ID, SPEC_TIMESTAMP, "v1,not base64!", SPEC_BODY), "signature");
		refused(() -> new WebhookVerifier(OTHER_SECRET).withClock(clock(NOW))
			.verifySignature(SPEC_ID, SPEC_TIMESTAMP, SPEC_SIGNATURE, SPEC_BODY), "signature");
	}

	@Test
	void aTimestampBeyondTheToleranceEitherWayIsRefused() {
		refused(() -> new WebhookVerifier(SPEC_SECRET).withClock(clock(NOW.plusSeconds(301)))
			.verifySignature(SPEC_ID, SPEC_TIMESTAMP, SPEC_SIGNATURE, SPEC_BODY), "behind the clock");
		refused(() -> new WebhookVerifier(SPEC_SECRET).withClock(clock(NOW.minusSeconds(301)))
			.verifySignature(SPEC_ID, SPEC_TIMESTAMP, SPEC_SIGNATURE, SPEC_BODY), "ahead of the clock");
		assertThatCode(() -> new WebhookVerifier(SPEC_SECRET).withClock(clock(NOW.plusSeconds(300)))
			.verifySignature(SPEC_ID, SPEC_TIMESTAMP, SPEC_SIGNATURE, SPEC_BODY)).doesNotThrowAnyException();
		assertThatCode(() -> new WebhookVerifier(SPEC_SECRET).withClock(clock(NOW.plusSeconds(3600)))
			.withTolerance(Duration.ofHours(1))
			.verifySignature(SPEC_ID, SPEC_TIMESTAMP, SPEC_SIGNATURE, SPEC_BODY)).doesNotThrowAnyException();
		refused(() -> this.spec.verifySignature(SPEC_ID, "16142653.30", SPEC_SIGNATURE, SPEC_BODY), "Unix seconds");
	}

	@Test
	void missingHeadersAreRefused() {
		refused(() -> this.spec.verify(Map.of("webhook-timestamp", SPEC_TIMESTAMP, "webhook-signature", SPEC_SIGNATURE),
				SPEC_BODY), "No webhook-id header");
		refused(() -> this.spec.verify(Map.of("webhook-id", SPEC_ID, "webhook-signature", SPEC_SIGNATURE), SPEC_BODY),
				"No webhook-timestamp header");
		refused(() -> this.spec.verify(Map.of("webhook-id", SPEC_ID, "webhook-timestamp", SPEC_TIMESTAMP), SPEC_BODY),
				"No webhook-signature header");
	}

	@Test
	void headersAreFoundInAnyCaseAsStringsListsOrArrays() {
		byte[] body = event("coupon.redeemed", "{\"session_id\": \"s-1\", \"campaign_id\": 12, "
				+ "\"coupon_code\": \"C0DE\", \"redeemed_at\": \"2026-11-30T10:00:00Z\"}");
		String signature = sign(SECRET, "msg_1", SPEC_TIMESTAMP, body);
		WebhookVerifier verifier = new WebhookVerifier(SECRET).withClock(clock(NOW));

		assertThat(verifier.verify(Map.of("Webhook-Id", List.of("msg_1"), "WEBHOOK-TIMESTAMP",
				new String[] { SPEC_TIMESTAMP }, "webhook-signature", List.of("v1,bm90IHRoaXMgb25l", signature)), body))
			.isEqualTo(new WebhookEvent.CouponRedeemed("msg_1", Instant.parse("2026-11-30T09:41:27.512Z"), "s-1", 12,
					"C0DE", Instant.parse("2026-11-30T10:00:00Z")));
	}

	@Test
	void duringARotationEitherSecretVerifies() {
		byte[] body = event("webhook.test",
				"{\"endpoint_id\": 4, \"partner_id\": 1, \"message\": \"A test event sent from Smart Engage\"}");
		WebhookVerifier both = new WebhookVerifier(OTHER_SECRET, SECRET).withClock(clock(NOW));

		assertThat(both.verify("msg_2", SPEC_TIMESTAMP, sign(SECRET, "msg_2", SPEC_TIMESTAMP, body), body))
			.isEqualTo(new WebhookEvent.Test("msg_2", Instant.parse("2026-11-30T09:41:27.512Z"), 4, 1,
					"A test event sent from Smart Engage"));
		assertThat(both.verify("msg_2", SPEC_TIMESTAMP, sign(OTHER_SECRET, "msg_2", SPEC_TIMESTAMP, body), body))
			.isInstanceOf(WebhookEvent.Test.class);
	}

	@Test
	void eachEventTypeReadsIntoItsRecord() {
		assertThat(verified(event("session.status_changed",
				"{\"session_id\": \"s-1\", \"campaign_id\": 12, \"screen_id\": 3, \"status\": \"SCANNED\", "
						+ "\"previous_status\": null, \"changed_at\": \"2026-11-30T09:41:27.512Z\", \"new_field\": {}}")))
			.isEqualTo(new WebhookEvent.SessionStatusChanged("msg_3", Instant.parse("2026-11-30T09:41:27.512Z"), "s-1",
					12, 3L, "SCANNED", null, Instant.parse("2026-11-30T09:41:27.512Z")));
		assertThat(verified(event("coupon.issued",
				"{\"session_id\": \"s-1\", \"campaign_id\": 12, \"coupon_code\": \"C0DE\", "
						+ "\"issued_at\": \"2026-11-30T09:50:00Z\", \"expires_at\": \"2026-12-30T09:50:00Z\"}")))
			.isEqualTo(new WebhookEvent.CouponIssued("msg_3", Instant.parse("2026-11-30T09:41:27.512Z"), "s-1", 12,
					"C0DE", Instant.parse("2026-11-30T09:50:00Z"), Instant.parse("2026-12-30T09:50:00Z")));
		assertThat(verified(event("coupon.transferred", "{\"to\": \"someone\"}"))).isEqualTo(new WebhookEvent.Unknown(
				"msg_3", "coupon.transferred", Instant.parse("2026-11-30T09:41:27.512Z"), "{\"to\":\"someone\"}"));
	}

	@Test
	void aSignedBodyThatIsNotAnEventIsRefused() {
		refused(() -> this.spec.verify(SPEC_ID, SPEC_TIMESTAMP, SPEC_SIGNATURE, SPEC_BODY), "no type");
		refused(() -> verified(event("coupon.issued", "{\"session_id\": \"s-1\"}")), "no data.campaign_id");
		refused(() -> verified(event("coupon.issued", "{\"session_id\": \"s-1\", \"campaign_id\": \"12\"}")),
				"data.campaign_id is not a whole number");
	}

	@Test
	void aSecretThatIsNotBase64IsRefusedAtOnce() {
		assertThatIllegalArgumentException().isThrownBy(() -> new WebhookVerifier("whsec_***"));
		assertThatIllegalArgumentException().isThrownBy(() -> new WebhookVerifier("whsec_"));
		assertThatIllegalArgumentException().isThrownBy(() -> new WebhookVerifier(SECRET, "not base64!"));
	}

	private static WebhookEvent verified(byte[] body) {
		return new WebhookVerifier(SECRET).withClock(clock(NOW))
			.verify("msg_3", SPEC_TIMESTAMP, sign(SECRET, "msg_3", SPEC_TIMESTAMP, body), body);
	}

	private static byte[] event(String type, String data) {
		return ("{\"type\": \"" + type + "\", \"timestamp\": \"2026-11-30T09:41:27.512Z\", \"data\": " + data + "}")
			.getBytes(StandardCharsets.UTF_8);
	}

	/** Signs as the server does, independently of the verifier. */
	private static String sign(String secret, String id, String timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
			mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String why) {
		assertThatExceptionOfType(WebhookVerificationException.class).isThrownBy(call).withMessageContaining(why);
	}

	private static Clock clock(Instant now) {
		return Clock.fixed(now, ZoneOffset.UTC);
	}

}
