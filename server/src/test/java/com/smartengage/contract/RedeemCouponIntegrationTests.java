package com.smartengage.contract;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.ServerTests;

import static com.smartengage.support.ApiAssertions.INVALID_KEY;
import static com.smartengage.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /smart-engage/post/redeem-coupon}: a partner's issued coupon is used once,
 * before it expires.
 */
@IntegrationTest
class RedeemCouponIntegrationTests extends ServerTests {

	@Autowired
	JdbcClient jdbc;

	long partnerId;

	String apiKey;

	String slug;

	String firstCode;

	String secondCode;

	@BeforeEach
	void setUp() {
		this.partnerId = this.fixtures.partner("Redeemer " + UUID.randomUUID());
		this.apiKey = this.fixtures.apiKey(this.partnerId).key();
		this.firstCode = "FIRST-" + UUID.randomUUID();
		this.secondCode = "SECOND-" + UUID.randomUUID();
		long campaign = this.fixtures
			.campaign("{\"partner_id\": " + this.partnerId + ", \"name\": \"Known codes\", \"form_url\": \""
					+ Fixtures.FORM_URL + "\", \"coupon_codes\": [\"" + this.firstCode + "\", \"" + this.secondCode
					+ "\"]}")
			.get("id")
			.asLong();
		this.slug = this.fixtures.placement(campaign, this.fixtures.screen("Till " + UUID.randomUUID()));
	}

	@Test
	void anIssuedCouponIsRedeemedOnceAndThenRefused() {
		String session = issue(this.firstCode);

		Http.Answer redeemed = redeem(this.apiKey, this.firstCode);

		assertThat(redeemed.status()).as(redeemed.toString()).isEqualTo(200);
		JsonNode body = redeemed.json();
		assertThat(body.get("message").asString()).isEqualTo("success");
		assertThat(body.get("coupon_code").asString()).isEqualTo(this.firstCode);
		assertThat(body.get("session_id").asString()).isEqualTo(session);
		String redeemedAt = body.get("redeemed_at").asString();
		assertThat(Instant.parse(redeemedAt)).isBetween(Instant.now().minusSeconds(30), Instant.now().plusSeconds(1));

		assertError(redeem(this.apiKey, this.firstCode), 400,
				"Coupon " + this.firstCode + " was already redeemed at " + Instant.parse(redeemedAt));
		assertError(redeem(this.apiKey, this.firstCode), 400,
				"Coupon " + this.firstCode + " was already redeemed at " + Instant.parse(redeemedAt));

		JsonNode view = this.http.get("/smart-engage/get/session/" + session).apiKey(this.apiKey).send().json();
		assertThat(Instant.parse(view.get("coupon").get("redeemed_at").asString()))
			.isEqualTo(Instant.parse(redeemedAt));
		assertThat(view.get("steps").valueStream().map((s) -> s.get("step").asString()).toList())
			.containsExactly("SCANNED", "FORM_APPROVED", "COUPON_ISSUED", "COUPON_REDEEMED");
	}

	@Test
	void anExpiredCouponIsRefused() {
		issue(this.firstCode);
		Instant expiredAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
		int updated = this.jdbc.sql("UPDATE coupon SET expires_at = :at WHERE partner_id = :partnerId AND code = :code")
			.param("at", expiredAt.atOffset(ZoneOffset.UTC))
			.param("partnerId", this.partnerId)
			.param("code", this.firstCode)
			.update();
		assertThat(updated).isEqualTo(1);

		assertError(redeem(this.apiKey, this.firstCode), 400, "Coupon " + this.firstCode + " expired at " + expiredAt);
		assertError(redeem(this.apiKey, this.firstCode), 400, "Coupon " + this.firstCode + " expired at " + expiredAt);
	}

	@Test
	void aCodeNotYetIssuedIsRefused() {
		issue(this.firstCode);

		assertError(redeem(this.apiKey, this.secondCode), 400,
				"Coupon " + this.secondCode + " has not been issued to a shopper yet");
		// Still in the pool: the next approved session gets it and may redeem it.
		issue(this.secondCode);
		assertThat(redeem(this.apiKey, this.secondCode).status()).isEqualTo(200);
	}

	@Test
	void anotherPartnersCodeIsAnsweredLikeAnUnknownCode() {
		issue(this.firstCode);
		Fixtures.World stranger = this.fixtures.world(1);
		String unknown = "NOPE-" + UUID.randomUUID();

		assertError(redeem(stranger.apiKey(), this.firstCode), 400, "No coupon with code " + this.firstCode);
		assertError(redeem(stranger.apiKey(), unknown), 400, "No coupon with code " + unknown);
		assertError(redeem(this.apiKey, unknown), 400, "No coupon with code " + unknown);
		// The stranger's attempt changed nothing for the owner.
		assertThat(redeem(this.apiKey, this.firstCode).status()).isEqualTo(200);
	}

	@Test
	void redeemingNeedsAValidKeyAndAClearBody() {
		issue(this.firstCode);

		Http.Answer missing = this.http.post("/smart-engage/post/redeem-coupon")
			.json("{\"coupon_code\": \"" + this.firstCode + "\"}")
			.send();
		assertThat(missing.status()).isEqualTo(401);
		assertThat(missing.body()).isEqualTo(INVALID_KEY);
		assertError(redeemRaw("{\"coupon_code\": "), 400, "Request body is not valid JSON");
		assertError(redeemRaw("{}"), 400, "coupon_code is required");
		assertError(redeemRaw("{\"coupon_code\": \" \"}"), 400, "coupon_code must not be blank");
		assertThat(redeem(this.apiKey, this.firstCode).status()).isEqualTo(200);
	}

	/**
	 * Scans, approves and issues; asserts that the expected code of the pool came out.
	 */
	private String issue(String expectedCode) {
		String session = this.fixtures.scan(this.slug);
		assertThat(this.fixtures.updateStatus(this.apiKey, session, "FORM_APPROVED").status()).isEqualTo(200);
		Http.Answer issued = this.fixtures.engage(this.apiKey, session);
		assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
		assertThat(issued.json().get("coupon_code").asString()).isEqualTo(expectedCode);
		return session;
	}

	private Http.Answer redeemRaw(String body) {
		return this.http.post("/smart-engage/post/redeem-coupon").apiKey(this.apiKey).json(body).send();
	}

	private Http.Answer redeem(String key, String code) {
		return this.http.post("/smart-engage/post/redeem-coupon")
			.apiKey(key)
			.json(Http.JSON.createObjectNode().put("coupon_code", code).toString())
			.send();
	}

}
