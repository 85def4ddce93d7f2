package com.smartengage.contract;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
 * {@code GET /smart-engage/get/session/<id>}: a partner reads its own sessions, and only
 * those.
 */
@IntegrationTest
class SessionViewIntegrationTests extends ServerTests {

	@Autowired
	JdbcClient jdbc;

	Fixtures.World world;

	@BeforeEach
	void setUp() {
		this.world = this.fixtures.world(3);
	}

	@Test
	void aFreshSessionShowsTheScanAndNoCoupon() {
		Instant before = Instant.now().minusSeconds(1);
		String session = this.fixtures.scan(this.world.slug());

		JsonNode view = view(session);

		assertThat(view.get("session_id").asString()).isEqualTo(session);
		assertThat(view.get("campaign_id").asLong()).isEqualTo(this.world.campaignId());
		assertThat(view.get("screen_id").asLong()).isEqualTo(this.world.screenId());
		assertThat(view.get("flow").asString()).isEqualTo("FILL_FORM");
		assertThat(view.get("status").asString()).isEqualTo("SCANNED");
		assertThat(view.get("ended").asBoolean()).isFalse();
		assertThat(view.get("expired").asBoolean()).isFalse();
		assertThat(steps(view)).containsExactly("SCANNED");
		Instant scannedAt = Instant.parse(view.get("steps").get(0).get("at").asString());
		assertThat(scannedAt).isBetween(before, Instant.now().plusSeconds(1));
		assertThat(Instant.parse(view.get("created_at").asString())).isEqualTo(scannedAt);
		assertThat(Instant.parse(view.get("expires_at").asString())).isEqualTo(scannedAt.plus(24, ChronoUnit.HOURS));
		assertThat(view.has("coupon")).isTrue();
		assertThat(view.get("coupon").isNull()).isTrue();
	}

	@Test
	void theStepHistoryGrowsInOrderWithTimesAndTheCouponAppearsOnceIssued() {
		String session = this.fixtures.scan(this.world.slug());
		for (String step : new String[] { "FORM_SUBMITTED", "FORM_REVIEWING", "FORM_APPROVED" }) {
			assertThat(this.fixtures.updateStatus(this.world.apiKey(), session, step).status()).isEqualTo(200);
		}
		JsonNode approved = view(session);
		assertThat(approved.get("status").asString()).isEqualTo("FORM_APPROVED");
		assertThat(approved.get("ended").asBoolean()).isTrue();
		assertThat(steps(approved)).containsExactly("SCANNED", "FORM_SUBMITTED", "FORM_REVIEWING", "FORM_APPROVED");
		assertThat(approved.get("coupon").isNull()).isTrue();

		JsonNode issued = this.fixtures.engage(this.world.apiKey(), session).json();
		JsonNode view = view(session);

		assertThat(steps(view)).containsExactly("SCANNED", "FORM_SUBMITTED", "FORM_REVIEWING", "FORM_APPROVED",
				"COUPON_ISSUED");
		List<Instant> times = view.get("steps")
			.valueStream()
			.map((s) -> Instant.parse(s.get("at").asString()))
			.toList();
		assertThat(times).isSorted();
		JsonNode coupon = view.get("coupon");
		assertThat(coupon.get("coupon_code").asString()).isEqualTo(issued.get("coupon_code").asString());
		assertThat(coupon.get("coupon_url").asString()).isEqualTo(issued.get("coupon_url").asString());
		assertThat(Instant.parse(coupon.get("expires_at").asString()))
			.isEqualTo(Instant.parse(issued.get("expires_at").asString()));
		assertThat(Instant.parse(coupon.get("issued_at").asString())).isEqualTo(times.get(4));
		assertThat(coupon.get("redeemed_at").isNull()).isTrue();
	}

	@Test
	void aRejectedSessionShowsTheFailureStep() {
		String session = this.fixtures.scan(this.world.slug());
		assertThat(this.fixtures.updateStatus(this.world.apiKey(), session, "FORM_SUBMITTED").status()).isEqualTo(200);
		assertThat(this.fixtures.updateStatus(this.world.apiKey(), session, "FORM_REJECTED").status()).isEqualTo(200);

		JsonNode view = view(session);

		assertThat(view.get("status").asString()).isEqualTo("FORM_REJECTED");
		assertThat(view.get("ended").asBoolean()).isTrue();
		assertThat(steps(view)).containsExactly("SCANNED", "FORM_SUBMITTED", "FORM_REJECTED");
	}

	@Test
	void anExpiredSessionSaysSo() {
		String session = this.fixtures.scan(this.world.slug());
		Instant expiredAt = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
		this.jdbc.sql("UPDATE journey_session SET expires_at = :at WHERE id = :id")
			.param("at", expiredAt.atOffset(ZoneOffset.UTC))
			.param("id", UUID.fromString(session))
			.update();

		JsonNode view = view(session);

		assertThat(view.get("expired").asBoolean()).isTrue();
		assertThat(Instant.parse(view.get("expires_at").asString())).isEqualTo(expiredAt);
	}

	@Test
	void anotherPartnersSessionIsNoRecord() {
		Fixtures.World other = this.fixtures.world(1);
		String theirs = this.fixtures.approvedSession(other);
		assertThat(this.fixtures.engage(other.apiKey(), theirs).status()).isEqualTo(200);

		assertError(this.http.get("/smart-engage/get/session/" + theirs).apiKey(this.world.apiKey()).send(), 404,
				"No record with session_id: " + theirs);
		assertThat(this.http.get("/smart-engage/get/session/" + theirs).apiKey(other.apiKey()).send().status())
			.isEqualTo(200);
	}

	@Test
	void anUnknownOrMalformedIdIsNoRecord() {
		String unknown = UUID.randomUUID().toString();

		assertError(this.http.get("/smart-engage/get/session/" + unknown).apiKey(this.world.apiKey()).send(), 404,
				"No record with session_id: " + unknown);
		assertError(this.http.get("/smart-engage/get/session/not-a-uuid").apiKey(this.world.apiKey()).send(), 404,
				"No record with session_id: not-a-uuid");
	}

	@Test
	void readingNeedsAValidKey() {
		String session = this.fixtures.scan(this.world.slug());

		Http.Answer missing = this.http.get("/smart-engage/get/session/" + session).send();
		Http.Answer unknown = this.http.get("/smart-engage/get/session/" + session).apiKey("se_unknown").send();

		assertThat(missing.status()).isEqualTo(401);
		assertThat(missing.body()).isEqualTo(INVALID_KEY);
		assertThat(unknown.status()).isEqualTo(401);
		assertThat(unknown.body()).isEqualTo(INVALID_KEY);
	}

	@Test
	void readingChangesNothing() {
		String session = this.fixtures.scan(this.world.slug());
		JsonNode first = view(session);

		view(session);

		assertThat(view(session)).isEqualTo(first);
		assertThat(this.fixtures.updateStatus(this.world.apiKey(), session, "FORM_SUBMITTED").status()).isEqualTo(200);
	}

	private JsonNode view(String sessionId) {
		Http.Answer answer = this.http.get("/smart-engage/get/session/" + sessionId).apiKey(this.world.apiKey()).send();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.header("Content-Type")).startsWith("application/json");
		return answer.json();
	}

	private static List<String> steps(JsonNode view) {
		return view.get("steps").valueStream().map((s) -> s.get("step").asString()).toList();
	}

}
