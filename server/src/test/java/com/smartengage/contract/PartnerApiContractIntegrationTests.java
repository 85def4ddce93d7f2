package com.smartengage.contract;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
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

import static com.smartengage.support.ApiAssertions.INVALID_KEY;
import static com.smartengage.support.ApiAssertions.UPDATED;
import static com.smartengage.support.ApiAssertions.assertAlreadyCompleted;
import static com.smartengage.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every row of the two tables of API-CONTRACT.md, over real HTTP and a real database: the
 * status code and the exact body partners code against.
 */
@IntegrationTest
class PartnerApiContractIntegrationTests extends ServerTests {

	static final String FILL_FORM_STEPS = "FORM_SUBMITTED, FORM_REVIEWING, FORM_APPROVED, FORM_REJECTED";

	@Autowired
	JdbcClient jdbc;

	Fixtures.World world;

	@BeforeEach
	void setUp() {
		this.world = this.fixtures.world(5);
	}

	// update-session-status: 200

	@Test
	void updateMovesTheSessionAndAnswersTheContractMessage() {
		String session = scan();

		Http.Answer answer = update(session, "FORM_SUBMITTED");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo(UPDATED);
		assertThat(answer.header("Content-Type")).startsWith("application/json");
		assertThat(status(session)).isEqualTo("FORM_SUBMITTED");
	}

	@Test
	void updateMaySkipAheadAndWalkEveryStep() {
		String walked = scan();
		for (String step : new String[] { "FORM_SUBMITTED", "FORM_REVIEWING", "FORM_APPROVED" }) {
			assertThat(update(walked, step).body()).isEqualTo(UPDATED);
		}
		String skipped = scan();
		assertThat(update(skipped, "FORM_REVIEWING").body()).isEqualTo(UPDATED);
		assertThat(update(skipped, "FORM_APPROVED").body()).isEqualTo(UPDATED);
		assertThat(status(skipped)).isEqualTo("FORM_APPROVED");
	}

	@Test
	void updateToTheFailureStepBeforeTheEndIsAccepted() {
		String session = scan();
		assertThat(update(session, "FORM_REVIEWING").body()).isEqualTo(UPDATED);

		Http.Answer answer = update(session, "FORM_REJECTED");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo(UPDATED);
		assertThat(status(session)).isEqualTo("FORM_REJECTED");
	}

	// update-session-status: 400 Action already completed

	@Test
	void updateToTheSameStepIsAlreadyCompleted() {
		String session = scan();
		assertThat(update(session, "FORM_REVIEWING").status()).isEqualTo(200);

		assertAlreadyCompleted(update(session, "FORM_REVIEWING"), session);
		assertThat(status(session)).isEqualTo("FORM_REVIEWING");
	}

	@Test
	void updateToAnEarlierStepIsAlreadyCompleted() {
		String session = scan();
		assertThat(update(session, "FORM_REVIEWING").status()).isEqualTo(200);

		assertAlreadyCompleted(update(session, "FORM_SUBMITTED"), session);
		assertAlreadyCompleted(update(session, "SCANNED"), session);
		assertThat(status(session)).isEqualTo("FORM_REVIEWING");
	}

	@Test
	void updateAfterTheFailureStepIsAlreadyCompleted() {
		String session = scan();
		assertThat(update(session, "FORM_REJECTED").status()).isEqualTo(200);

		assertAlreadyCompleted(update(session, "FORM_APPROVED"), session);
		assertAlreadyCompleted(update(session, "FORM_REVIEWING"), session);
		assertAlreadyCompleted(update(session, "FORM_REJECTED"), session);
		assertThat(status(session)).isEqualTo("FORM_REJECTED");
	}

	@Test
	void updateAfterTheLastStepIsAlreadyCompleted() {
		String session = scan();
		assertThat(update(session, "FORM_APPROVED").status()).isEqualTo(200);

		assertAlreadyCompleted(update(session, "FORM_REJECTED"), session);
		assertAlreadyCompleted(update(session, "FORM_APPROVED"), session);
		assertThat(status(session)).isEqualTo("FORM_APPROVED");
	}

	// update-session-status: 400 a clear sentence

	@Test
	void updateWithMalformedJsonIsRefusedWithASentence() {
		String session = scan();

		Http.Answer answer = this.http.post("/smart-engage/post/update-session-status")
			.apiKey(this.world.apiKey())
			.json("{\"session_id\": \"" + session + "\", \"new_status\": ")
			.send();

		assertError(answer, 400, "Request body is not valid JSON");
		assertThat(status(session)).isEqualTo("SCANNED");
	}

	@Test
	void updateWithoutABodyOrWithANonObjectIsRefusedWithASentence() {
		String expected = "Request body must be a JSON object with session_id and new_status";
		assertError(this.http.post("/smart-engage/post/update-session-status")
			.apiKey(this.world.apiKey())
			.header("Content-Type", "application/json")
			.send(), 400, expected);
		assertError(updateRaw("[]"), 400, expected);
		assertError(updateRaw("\"FORM_SUBMITTED\""), 400, expected);
		assertError(updateRaw("null"), 400, expected);
	}

	@Test
	void updateWithAMissingFieldIsRefusedWithASentence() {
		String session = scan();

		assertError(updateRaw("{\"new_status\": \"FORM_SUBMITTED\"}"), 400, "session_id is required");
		assertError(updateRaw("{\"session_id\": \"" + session + "\"}"), 400, "new_status is required");
		assertError(updateRaw("{\"session_id\": \"" + session + "\", \"new_status\": null}"), 400,
				"new_status is required");
		assertError(updateRaw("{}"), 400, "session_id is required");
		assertThat(status(session)).isEqualTo("SCANNED");
	}

	@Test
	void updateWithABlankFieldIsRefusedWithASentence() {
		String session = scan();

		assertError(updateRaw("{\"session_id\": \"\", \"new_status\": \"FORM_SUBMITTED\"}"), 400,
				"session_id must not be blank");
		assertError(updateRaw("{\"session_id\": \"" + session + "\", \"new_status\": \"  \"}"), 400,
				"new_status must not be blank");
		assertError(updateRaw("{\"session_id\": \"" + session + "\", \"new_status\": 3}"), 400,
				"new_status must be a string");
		assertThat(status(session)).isEqualTo("SCANNED");
	}

	@Test
	void updateToAStatusOutsideTheFlowIsRefusedWithASentence() {
		String session = scan();

		assertError(update(session, "FORM_PAID"), 400,
				"new_status FORM_PAID is not a step of flow FILL_FORM; the steps are " + FILL_FORM_STEPS);
		assertError(update(session, "COUPON_ISSUED"), 400,
				"new_status COUPON_ISSUED is not a step of flow FILL_FORM; the steps are " + FILL_FORM_STEPS);
		assertError(update(session, "form_submitted"), 400,
				"new_status form_submitted is not a step of flow FILL_FORM; the steps are " + FILL_FORM_STEPS);
		assertThat(status(session)).isEqualTo("SCANNED");
	}

	@Test
	void updateOfAnExpiredSessionIsRefusedWithASentence() {
		JsonNode campaign = this.fixtures
			.campaign("{\"partner_id\": " + this.world.partnerId() + ", \"name\": \"Short sessions\", \"form_url\": \""
					+ Fixtures.FORM_URL + "\", \"coupon_quota\": 1, \"session_ttl_minutes\": 1}");
		assertThat(campaign.get("session_ttl_minutes").asInt()).isEqualTo(1);
		String session = this.fixtures
			.scan(this.fixtures.placement(campaign.get("id").asLong(), this.fixtures.screen("Short")));
		assertThat(update(session, "FORM_SUBMITTED").body()).isEqualTo(UPDATED);
		// The minute of lifetime is over: what the clock would do in 60 s, done by the
		// test at once.
		Instant expiredAt = Instant.now().minus(5, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.SECONDS);
		expireSession(session, expiredAt);

		assertError(update(session, "FORM_REVIEWING"), 400,
				"Session " + session + " expired at " + expiredAt + "; a new scan starts a new session");
		assertThat(status(session)).isEqualTo("FORM_SUBMITTED");
	}

	// update-session-status: 401

	@Test
	void updateWithoutAKeyIsUnauthorized() {
		String session = scan();

		Http.Answer answer = this.http.post("/smart-engage/post/update-session-status")
			.json("{\"session_id\": \"" + session + "\", \"new_status\": \"FORM_SUBMITTED\"}")
			.send();

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.body()).isEqualTo(INVALID_KEY);
		assertThat(status(session)).isEqualTo("SCANNED");
	}

	@Test
	void updateWithAnEmptyOrUnknownKeyIsUnauthorized() {
		String session = scan();

		for (String key : new String[] { "", "se_unknown", this.world.apiKey() + "x", this.world.apiKey().substring(1),
				this.world.apiKey().toUpperCase(Locale.ROOT), "x".repeat(5000) }) {
			Http.Answer answer = this.fixtures.updateStatus(key, session, "FORM_SUBMITTED");
			assertThat(answer.status()).as(key).isEqualTo(401);
			assertThat(answer.body()).isEqualTo(INVALID_KEY);
		}
		assertThat(status(session)).isEqualTo("SCANNED");
	}

	@Test
	void updateWithARevokedKeyIsUnauthorizedAtOnce() {
		Fixtures.ApiKey second = this.fixtures.apiKey(this.world.partnerId());
		String session = scan();
		// Used once first, so that the key is in the server's cache of verified keys.
		assertThat(this.fixtures.updateStatus(second.key(), session, "FORM_SUBMITTED").body()).isEqualTo(UPDATED);

		Http.Answer revoke = this.http.call("DELETE", "/admin/api/api-keys/" + second.id()).admin().send();
		assertThat(revoke.status()).isEqualTo(204);

		Http.Answer answer = this.fixtures.updateStatus(second.key(), session, "FORM_REVIEWING");
		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.body()).isEqualTo(INVALID_KEY);
		assertThat(this.fixtures.engage(second.key(), session).body()).isEqualTo(INVALID_KEY);
		// The partner's other key is untouched.
		assertThat(update(session, "FORM_REVIEWING").body()).isEqualTo(UPDATED);
	}

	@Test
	void authenticationComesBeforeAnyValidationOfTheBody() {
		String session = scan();
		String[] bodies = { "{\"session_id\": ", "", "[]", "{}", "{\"session_id\": \"" + session + "\"}",
				"{\"session_id\": \"" + session + "\", \"new_status\": \"FORM_PAID\"}",
				"{\"session_id\": \"" + UUID.randomUUID() + "\", \"new_status\": \"FORM_SUBMITTED\"}",
				"{\"pad\": \"" + "x".repeat(20_000) + "\"}" };
		for (String body : bodies) {
			for (String key : new String[] { null, "se_wrong" }) {
				Http.Call call = this.http.post("/smart-engage/post/update-session-status").json(body);
				if (key != null) {
					call.apiKey(key);
				}
				Http.Answer answer = call.send();
				assertThat(answer.status()).as(body).isEqualTo(401);
				assertThat(answer.body()).isEqualTo(INVALID_KEY);
			}
		}
		Http.Answer engage = this.http.post("/smart-engage/post/engage-v3/not-a-session")
			.apiKey("se_wrong")
			.json("{\"broken\": ")
			.send();
		assertThat(engage.status()).isEqualTo(401);
		assertThat(engage.body()).isEqualTo(INVALID_KEY);
		assertThat(status(session)).isEqualTo("SCANNED");
	}

	// update-session-status: 404

	@Test
	void updateOfAnUnknownSessionIsNoRecord() {
		String unknown = UUID.randomUUID().toString();

		assertError(update(unknown, "FORM_SUBMITTED"), 404, "No record with session_id: " + unknown);
	}

	@Test
	void updateWithAnIdThatIsNoUuidIsNoRecord() {
		for (String id : new String[] { "not-a-uuid", "12345", "8960569d-db50-4742-8668-1da5c8ddf65",
				"8960569ddb5047428668 1da5c8ddf652", "{" + UUID.randomUUID() + "}" }) {
			assertError(update(id, "FORM_SUBMITTED"), 404, "No record with session_id: " + id);
		}
	}

	@Test
	void updateOfAnotherPartnersSessionIsNoRecord() {
		Fixtures.World other = this.fixtures.world(1);
		String theirs = this.fixtures.scan(other.slug());

		assertError(update(theirs, "FORM_SUBMITTED"), 404, "No record with session_id: " + theirs);
		// Answered exactly as if it did not exist: even a status outside the flow is not
		// looked at.
		assertError(update(theirs, "FORM_PAID"), 404, "No record with session_id: " + theirs);
		assertThat(this.fixtures.updateStatus(other.apiKey(), theirs, "FORM_SUBMITTED").body()).isEqualTo(UPDATED);
	}

	// engage-v3: 200

	@Test
	void engageIssuesACouponOnceTheRewardStepIsReached() {
		String session = this.fixtures.approvedSession(this.world);

		Http.Answer answer = this.fixtures.engage(this.world.apiKey(), session);

		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.header("Content-Type")).startsWith("application/json");
		JsonNode body = answer.json();
		assertThat(body.get("message").asString()).isEqualTo("success");
		assertThat(body.get("coupon_code").asString()).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}");
		assertThat(body.get("coupon_url").asString()).matches(Pattern.quote(this.http.base()) + "/c/[A-Za-z0-9_-]{32}");
		Instant expiresAt = Instant.parse(body.get("expires_at").asString());
		Instant now = Instant.now();
		assertThat(expiresAt).isBetween(now.plus(29, ChronoUnit.DAYS), now.plus(31, ChronoUnit.DAYS));
		assertThat(this.fixtures.couponsIssued(this.world.campaignId())).isEqualTo(1);
	}

	@Test
	void engageWorksForASessionThatSkippedStraightToTheRewardStep() {
		String session = scan();
		assertThat(update(session, "FORM_APPROVED").body()).isEqualTo(UPDATED);

		assertThat(this.fixtures.engage(this.world.apiKey(), session).json().get("message").asString())
			.isEqualTo("success");
	}

	// engage-v3: 400 Invalid session_id

	@Test
	void engageOfAnUnknownSessionIsInvalidSessionId() {
		String unknown = UUID.randomUUID().toString();

		assertError(this.fixtures.engage(this.world.apiKey(), unknown), 400, "Invalid session_id " + unknown);
		assertError(this.fixtures.engage(this.world.apiKey(), "not-a-uuid"), 400, "Invalid session_id not-a-uuid");
	}

	@Test
	void engageOfAnotherPartnersSessionIsInvalidSessionId() {
		Fixtures.World other = this.fixtures.world(1);
		String theirs = this.fixtures.approvedSession(other);

		assertError(this.fixtures.engage(this.world.apiKey(), theirs), 400, "Invalid session_id " + theirs);
		assertThat(this.fixtures.couponsIssued(other.campaignId())).isZero();
		assertThat(this.fixtures.engage(other.apiKey(), theirs).status()).isEqualTo(200);
	}

	// engage-v3: 400 a clear sentence

	@Test
	void engageBeforeTheRewardStepIsRefusedWithASentence() {
		String session = scan();
		assertError(this.fixtures.engage(this.world.apiKey(), session), 400, "Session " + session
				+ " has not reached FORM_APPROVED; a coupon is issued once the session reaches FORM_APPROVED");
		assertThat(update(session, "FORM_REVIEWING").body()).isEqualTo(UPDATED);

		assertError(this.fixtures.engage(this.world.apiKey(), session), 400, "Session " + session
				+ " has not reached FORM_APPROVED; a coupon is issued once the session reaches FORM_APPROVED");
		assertThat(this.fixtures.couponsIssued(this.world.campaignId())).isZero();
	}

	@Test
	void engageOfARejectedSessionIsRefusedWithASentence() {
		String session = scan();
		assertThat(update(session, "FORM_REJECTED").body()).isEqualTo(UPDATED);

		assertError(this.fixtures.engage(this.world.apiKey(), session), 400,
				"Session " + session
						+ " ended at FORM_REJECTED without reaching FORM_APPROVED; a coupon is issued once the session"
						+ " reaches FORM_APPROVED");
		assertThat(this.fixtures.couponsIssued(this.world.campaignId())).isZero();
	}

	@Test
	void engageASecondTimeIsRefusedWithASentence() {
		String session = this.fixtures.approvedSession(this.world);
		String code = this.fixtures.engage(this.world.apiKey(), session).json().get("coupon_code").asString();

		assertError(this.fixtures.engage(this.world.apiKey(), session), 400,
				"A coupon was already issued for session_id " + session);
		assertThat(this.fixtures.couponsIssued(this.world.campaignId())).isEqualTo(1);
		assertThat(view(session).get("coupon").get("coupon_code").asString()).isEqualTo(code);
	}

	@Test
	void engageWhenThePoolIsUsedUpIsRefusedWithASentence() {
		Fixtures.World small = this.fixtures.world(1);
		String first = this.fixtures.approvedSession(small);
		String second = this.fixtures.approvedSession(small);
		assertThat(this.fixtures.engage(small.apiKey(), first).status()).isEqualTo(200);

		assertError(this.fixtures.engage(small.apiKey(), second), 400,
				"No coupons are left for campaign " + small.campaignId() + "; the pool is used up");
		assertThat(view(small.apiKey(), second).get("coupon").isNull()).isTrue();

		// Nothing of the refused issue stuck: once the pool is refilled, the session gets
		// its coupon.
		Http.Answer refill = this.http.post("/admin/api/campaigns/" + small.campaignId() + "/coupon-codes")
			.admin()
			.json("[\"REFILL-" + UUID.randomUUID() + "\"]")
			.send();
		assertThat(refill.json().get("imported").asInt()).isEqualTo(1);
		assertThat(this.fixtures.engage(small.apiKey(), second).json().get("coupon_code").asString())
			.startsWith("REFILL-");
	}

	@Test
	void engageInACampaignWithoutCouponsIsRefusedWithASentence() {
		Fixtures.World none = this.fixtures.world(0);
		String session = this.fixtures.approvedSession(none);

		assertError(this.fixtures.engage(none.apiKey(), session), 400,
				"No coupons are left for campaign " + none.campaignId() + "; the pool is used up");
	}

	@Test
	void engageAfterTheCampaignEndedIsRefusedWithASentence() {
		String session = this.fixtures.approvedSession(this.world);
		Instant endedAt = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
		this.jdbc.sql("UPDATE campaign SET ends_at = :endsAt WHERE id = :id")
			.param("endsAt", endedAt.atOffset(ZoneOffset.UTC))
			.param("id", this.world.campaignId())
			.update();
		// The server caches campaigns for a few seconds; resuming (a no-op here)
		// refreshes its copy at once.
		Http.Answer resumed = this.http.post("/admin/api/campaigns/" + this.world.campaignId() + "/resume")
			.admin()
			.send();
		assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);

		assertError(this.fixtures.engage(this.world.apiKey(), session), 400,
				"Campaign " + this.world.campaignId() + " is over since " + endedAt + "; no more coupons are issued");
		assertThat(this.fixtures.couponsIssued(this.world.campaignId())).isZero();
	}

	// engage-v3: 401

	@Test
	void engageWithoutAValidKeyIsUnauthorized() {
		String session = this.fixtures.approvedSession(this.world);
		Fixtures.ApiKey revoked = this.fixtures.apiKey(this.world.partnerId());
		assertThat(this.http.call("DELETE", "/admin/api/api-keys/" + revoked.id()).admin().send().status())
			.isEqualTo(204);

		Http.Answer missing = this.http.post("/smart-engage/post/engage-v3/" + session)
			.header("Content-Type", "application/json")
			.send();
		assertThat(missing.status()).isEqualTo(401);
		assertThat(missing.body()).isEqualTo(INVALID_KEY);
		for (String key : new String[] { "se_unknown", revoked.key() }) {
			Http.Answer answer = this.fixtures.engage(key, session);
			assertThat(answer.status()).isEqualTo(401);
			assertThat(answer.body()).isEqualTo(INVALID_KEY);
		}
		assertThat(this.fixtures.couponsIssued(this.world.campaignId())).isZero();
	}

	private String scan() {
		return this.fixtures.scan(this.world.slug());
	}

	private Http.Answer update(String sessionId, String newStatus) {
		return this.http.post("/smart-engage/post/update-session-status")
			.apiKey(this.world.apiKey())
			.json(Http.JSON.createObjectNode().put("session_id", sessionId).put("new_status", newStatus).toString())
			.send();
	}

	private Http.Answer updateRaw(String body) {
		return this.http.post("/smart-engage/post/update-session-status").apiKey(this.world.apiKey()).json(body).send();
	}

	private JsonNode view(String sessionId) {
		return view(this.world.apiKey(), sessionId);
	}

	private JsonNode view(String apiKey, String sessionId) {
		Http.Answer answer = this.http.get("/smart-engage/get/session/" + sessionId).apiKey(apiKey).send();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		return answer.json();
	}

	private String status(String sessionId) {
		return view(sessionId).get("status").asString();
	}

	private void expireSession(String sessionId, Instant at) {
		int updated = this.jdbc.sql("UPDATE journey_session SET expires_at = :at WHERE id = :id")
			.param("at", at.atOffset(ZoneOffset.UTC))
			.param("id", UUID.fromString(sessionId))
			.update();
		assertThat(updated).isEqualTo(1);
	}

}
