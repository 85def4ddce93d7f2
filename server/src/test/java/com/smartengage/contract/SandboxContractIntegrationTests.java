package com.smartengage.contract;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.ServerTests;

import static com.smartengage.support.ApiAssertions.UPDATED;
import static com.smartengage.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sandbox session answers the contract's four calls exactly as a live one does: the
 * same statuses, bodies, headers and sentences, walked side by side with a live session
 * of the same campaign; only the ids, times and codes differ, and {@code screen_id},
 * which a sandbox session does not have. A key of one mode never reaches a session or a
 * coupon of the other: it gets the contract's answer for one that does not exist.
 */
@IntegrationTest
class SandboxContractIntegrationTests extends ServerTests {

	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z");

	@Autowired
	JdbcClient jdbc;

	Fixtures.World world;

	String testKey;

	@BeforeEach
	void setUp() {
		this.world = this.fixtures.world(5);
		this.testKey = this.fixtures.testKey(this.world.partnerId()).key();
	}

	@Test
	void aSandboxJourneyAnswersEveryCallAsALiveOneDoes() {
		Side live = new Side(this.world.apiKey(), this.fixtures.scan(this.world.slug()));
		Side sandbox = new Side(this.testKey, this.fixtures.sandboxSession(this.testKey, this.world.campaignId()));

		List<Function<Side, Http.Answer>> calls = new ArrayList<>();
		calls.add((side) -> update(side, "FORM_SUBMITTED"));
		calls.add((side) -> update(side, "FORM_SUBMITTED"));
		calls.add((side) -> update(side, "SCANNED"));
		calls.add((side) -> update(side, "FORM_PAID"));
		calls.add((side) -> this.fixtures.engage(side.key, side.session));
		calls.add((side) -> this.fixtures.view(side.key, side.session));
		calls.add((side) -> update(side, "FORM_APPROVED"));
		calls.add((side) -> this.fixtures.engage(side.key, side.session));
		calls.add((side) -> this.fixtures.engage(side.key, side.session));
		calls.add((side) -> this.http.post("/smart-engage/post/engage-v3/" + side.session)
			.apiKey(side.key)
			.json("[]")
			.send());
		calls.add((side) -> this.fixtures.view(side.key, side.session));
		calls.add((side) -> this.fixtures.redeem(side.key, side.code));
		calls.add((side) -> this.fixtures.redeem(side.key, side.code));
		calls.add((side) -> this.fixtures.view(side.key, side.session));
		calls.add((side) -> update(side, "FORM_REJECTED"));
		calls.add((side) -> this.fixtures.updateStatus(side.key, UUID.randomUUID().toString(), "FORM_SUBMITTED"));
		calls.add((side) -> this.fixtures.engage(side.key, "not-a-uuid"));
		calls.add((side) -> this.fixtures.redeem(side.key, "NO-SUCH-CODE"));

		for (int i = 0; i < calls.size(); i++) {
			Http.Answer liveAnswer = live.record(calls.get(i).apply(live));
			Http.Answer sandboxAnswer = sandbox.record(calls.get(i).apply(sandbox));
			assertThat(sandboxAnswer.status()).as("call %d: %s / %s", i, liveAnswer, sandboxAnswer)
				.isEqualTo(liveAnswer.status());
			assertThat(sandbox.masked(sandboxAnswer)).as("call %d", i).isEqualTo(live.masked(liveAnswer));
			for (String header : new String[] { "Content-Type", "X-Error-Code", "Cache-Control" }) {
				assertThat(sandboxAnswer.header(header)).as("call %d: %s", i, header)
					.isEqualTo(liveAnswer.header(header));
			}
		}
		assertThat(live.code).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}");
		assertThat(sandbox.code).matches("TEST-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}");
		JsonNode view = this.fixtures.view(this.testKey, sandbox.session).json();
		assertThat(view.get("screen_id").isNull()).isTrue();
		assertThat(this.fixtures.view(live.key, live.session).json().get("screen_id").asLong())
			.isEqualTo(this.world.screenId());
		assertThat(view.get("steps").findValuesAsString("step")).containsExactly("SCANNED", "FORM_SUBMITTED",
				"FORM_APPROVED", "COUPON_ISSUED", "COUPON_REDEEMED");
	}

	@Test
	void aSandboxCouponHasItsOwnCodeAndPageAndNeverComesFromThePool() {
		String session = this.fixtures.approvedSandboxSession(this.testKey, this.world.campaignId());

		Http.Answer issued = this.fixtures.engage(this.testKey, session);

		assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
		JsonNode body = issued.json();
		assertThat(body.propertyNames()).containsExactly("message", "coupon_code", "coupon_url", "expires_at",
				"session_id");
		assertThat(body.get("message").asString()).isEqualTo("success");
		String code = body.get("coupon_code").asString();
		assertThat(code).matches("TEST-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}");
		assertThat(body.get("coupon_url").asString())
			.matches(Pattern.quote(this.http.base()) + "/c/test_[A-Za-z0-9_-]{32}");
		assertThat(Instant.parse(body.get("expires_at").asString())).isBetween(Instant.now().plus(29, ChronoUnit.DAYS),
				Instant.now().plus(31, ChronoUnit.DAYS));
		assertThat(body.get("session_id").asString()).isEqualTo(session);
		assertThat(this.fixtures.couponsIssued(this.world.campaignId())).isZero();

		Http.Answer page = this.http.get(body.get("coupon_url").asString().substring(this.http.base().length())).send();
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(code).contains("Test coupon").doesNotContain("Show this page at the counter");
		assertThat(this.fixtures.redeem(this.testKey, code).status()).isEqualTo(200);
		assertThat(this.http.get(body.get("coupon_url").asString().substring(this.http.base().length())).send().body())
			.contains("Redeemed");
	}

	@Test
	void anExpiredSandboxSessionIsRefusedAsALiveOneIs() {
		String session = this.fixtures.sandboxSession(this.testKey, this.world.campaignId());
		Instant expiredAt = Instant.now().minus(5, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.SECONDS);
		this.jdbc.sql("UPDATE journey_session SET expires_at = :at WHERE id = :id")
			.param("at", expiredAt.atOffset(ZoneOffset.UTC))
			.param("id", UUID.fromString(session))
			.update();

		Http.Answer answer = this.fixtures.updateStatus(this.testKey, session, "FORM_SUBMITTED");

		assertError(answer, 400,
				"Session " + session + " expired at " + expiredAt + "; a new scan starts a new session");
		assertThat(answer.header("X-Error-Code")).isEqualTo("session_expired");
		assertThat(this.fixtures.view(this.testKey, session).json().get("expired").asBoolean()).isTrue();
	}

	@Test
	void aLiveKeyGetsTheContractsNotFoundForASandboxSessionAndItsCoupon() {
		String session = this.fixtures.approvedSandboxSession(this.testKey, this.world.campaignId());
		String rewarded = this.fixtures.approvedSandboxSession(this.testKey, this.world.campaignId());
		String code = this.fixtures.engage(this.testKey, rewarded).json().get("coupon_code").asString();
		String before = sandboxState();

		refusedAsUnknown(this.world.apiKey(), session, rewarded, code);

		assertThat(sandboxState()).isEqualTo(before);
		assertThat(this.fixtures.couponsIssued(this.world.campaignId())).isZero();
		assertThat(this.fixtures.engage(this.testKey, session).status()).isEqualTo(200);
		assertThat(this.fixtures.redeem(this.testKey, code).status()).isEqualTo(200);
	}

	@Test
	void aTestKeyGetsTheContractsNotFoundForALiveSessionAndItsCoupon() {
		String session = this.fixtures.approvedSession(this.world);
		String rewarded = this.fixtures.approvedSession(this.world);
		String code = this.fixtures.engage(this.world.apiKey(), rewarded).json().get("coupon_code").asString();
		String before = liveState();

		refusedAsUnknown(this.testKey, session, rewarded, code);

		assertThat(liveState()).isEqualTo(before);
		assertThat(this.fixtures.couponsIssued(this.world.campaignId())).isEqualTo(1);
		assertThat(this.fixtures.engage(this.world.apiKey(), session).status()).isEqualTo(200);
		assertThat(this.fixtures.redeem(this.world.apiKey(), code).status()).isEqualTo(200);
	}

	@Test
	void anIdempotencyKeyOfOneModeNeverReplaysAnAnswerOfTheOther() {
		String live = this.fixtures.approvedSession(this.world);
		Http.Answer first = this.http.post("/smart-engage/post/engage-v3/" + live)
			.apiKey(this.world.apiKey())
			.header("Idempotency-Key", "shared-1")
			.send();
		assertThat(first.status()).isEqualTo(200);

		Http.Answer other = this.http.post("/smart-engage/post/engage-v3/" + live)
			.apiKey(this.testKey)
			.header("Idempotency-Key", "shared-1")
			.send();

		assertError(other, 400, "Invalid session_id " + live);
		assertThat(other.header("Idempotent-Replayed")).isNull();
		String sandbox = this.fixtures.approvedSandboxSession(this.testKey, this.world.campaignId());
		Http.Answer own = this.http.post("/smart-engage/post/engage-v3/" + sandbox)
			.apiKey(this.testKey)
			.header("Idempotency-Key", "shared-1")
			.send();
		assertThat(own.status()).as(own.toString()).isEqualTo(200);
		assertThat(own.json().get("coupon_code").asString()).startsWith("TEST-");
	}

	/**
	 * The four calls with the key on sessions and a coupon of the other mode: the
	 * contract's answers for an unknown session and an unknown code, exactly.
	 */
	private void refusedAsUnknown(String key, String session, String rewarded, String code) {
		for (String id : List.of(session, rewarded)) {
			Http.Answer update = this.fixtures.updateStatus(key, id, "FORM_REJECTED");
			assertError(update, 404, "No record with session_id: " + id);
			assertThat(update.header("X-Error-Code")).isEqualTo("session_not_found");
			Http.Answer engage = this.fixtures.engage(key, id);
			assertError(engage, 400, "Invalid session_id " + id);
			assertThat(engage.header("X-Error-Code")).isEqualTo("session_not_found");
			Http.Answer view = this.fixtures.view(key, id);
			assertError(view, 404, "No record with session_id: " + id);
		}
		Http.Answer redeem = this.fixtures.redeem(key, code);
		assertError(redeem, 400, "No coupon with code " + code);
		assertThat(redeem.header("X-Error-Code")).isEqualTo("coupon_not_found");
		String unknown = UUID.randomUUID().toString();
		assertThat(this.fixtures.updateStatus(key, session, "FORM_REVIEWING").body().replace(session, unknown))
			.isEqualTo(this.fixtures.updateStatus(key, unknown, "FORM_REVIEWING").body());
	}

	private Http.Answer update(Side side, String status) {
		return this.fixtures.updateStatus(side.key, side.session, status);
	}

	private String sandboxState() {
		return this.jdbc.sql("""
				SELECT s.id, s.status, s.coupon_issued_at, s.updated_at, c.code, c.redeemed_at,
				       (SELECT COUNT(*) FROM sandbox_event e WHERE e.session_id = s.id) AS steps
				FROM journey_session s LEFT JOIN sandbox_coupon c ON c.session_id = s.id
				WHERE s.partner_id = :partner AND s.test = TRUE ORDER BY s.id
				""").param("partner", this.world.partnerId()).query((rs, i) -> {
			StringBuilder row = new StringBuilder();
			for (int c = 1; c <= 7; c++) {
				row.append(rs.getString(c)).append(' ');
			}
			return row.toString();
		}).list().toString();
	}

	private String liveState() {
		return this.jdbc.sql("""
				SELECT s.id, s.status, s.coupon_issued_at, s.updated_at, c.code, c.redeemed_at,
				       (SELECT COUNT(*) FROM journey_event e WHERE e.session_id = s.id) AS steps
				FROM journey_session s LEFT JOIN coupon c ON c.session_id = s.id
				WHERE s.partner_id = :partner AND s.test = FALSE ORDER BY s.id
				""").param("partner", this.world.partnerId()).query((rs, i) -> {
			StringBuilder row = new StringBuilder();
			for (int c = 1; c <= 7; c++) {
				row.append(rs.getString(c)).append(' ');
			}
			return row.toString();
		}).list().toString();
	}

	/** One side of the walk: a key, its session, and the coupon code it was issued. */
	private final class Side {

		final String key;

		final String session;

		String code = "NONE-YET";

		String couponUrl = "NONE-YET";

		Side(String key, String session) {
			this.key = key;
			this.session = session;
		}

		Http.Answer record(Http.Answer answer) {
			if (answer.status() == 200 && answer.body().contains("\"coupon_url\"")) {
				JsonNode body = answer.json();
				JsonNode coupon = body.has("coupon") ? body.get("coupon") : body;
				if (coupon != null && !coupon.isNull()) {
					this.code = coupon.get("coupon_code").asString();
					this.couponUrl = coupon.get("coupon_url").asString();
				}
			}
			return answer;
		}

		/** The body with what differs between any two sessions taken out. */
		String masked(Http.Answer answer) {
			String body = answer.body().replace(this.couponUrl, "<coupon-url>").replace(this.code, "<code>");
			body = UUID_TEXT.matcher(body).replaceAll("<id>");
			body = TIME.matcher(body).replaceAll("<time>");
			return body.replaceAll("\"screen_id\":(\\d+|null)", "\"screen_id\":<screen>");
		}

	}

}
