package com.smartengage.security;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.ServerTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner only ever sees its own sessions and coupons: another partner's are answered
 * exactly as if they did not exist, and nothing another partner sends changes them. The
 * same holds between a partner's two modes: a test key sees only sandbox sessions and
 * coupons, a live key only live ones, and neither sees another partner's of either mode.
 */
@IntegrationTest
class TenantIsolationIntegrationTests extends ServerTests {

	@Autowired
	JdbcClient jdbc;

	Fixtures.World a;

	Fixtures.World b;

	/** A's session at FORM_SUBMITTED: a forward move is open to it. */
	String submitted;

	/** A's session at FORM_APPROVED without a coupon: a coupon is open to it. */
	String approved;

	/** A's session holding an unredeemed coupon. */
	String rewarded;

	String code;

	/** Test keys of A and B. */
	String aTest;

	String bTest;

	/** A's sandbox sessions, as above: at FORM_SUBMITTED, approved, and rewarded. */
	String sandboxSubmitted;

	String sandboxApproved;

	String sandboxRewarded;

	String sandboxCode;

	@BeforeEach
	void setUp() {
		this.a = this.fixtures.world(5);
		this.b = this.fixtures.world(5);
		this.submitted = this.fixtures.scan(this.a.slug());
		assertThat(this.fixtures.updateStatus(this.a.apiKey(), this.submitted, "FORM_SUBMITTED").status())
			.isEqualTo(200);
		this.approved = this.fixtures.approvedSession(this.a);
		this.rewarded = this.fixtures.approvedSession(this.a);
		Http.Answer issued = this.fixtures.engage(this.a.apiKey(), this.rewarded);
		assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
		this.code = issued.json().get("coupon_code").asString();
		this.aTest = this.fixtures.testKey(this.a.partnerId()).key();
		this.bTest = this.fixtures.testKey(this.b.partnerId()).key();
		this.sandboxSubmitted = this.fixtures.sandboxSession(this.aTest, this.a.campaignId());
		assertThat(this.fixtures.updateStatus(this.aTest, this.sandboxSubmitted, "FORM_SUBMITTED").status())
			.isEqualTo(200);
		this.sandboxApproved = this.fixtures.approvedSandboxSession(this.aTest, this.a.campaignId());
		this.sandboxRewarded = this.fixtures.approvedSandboxSession(this.aTest, this.a.campaignId());
		Http.Answer sandboxIssued = this.fixtures.engage(this.aTest, this.sandboxRewarded);
		assertThat(sandboxIssued.status()).as(sandboxIssued.toString()).isEqualTo(200);
		this.sandboxCode = sandboxIssued.json().get("coupon_code").asString();
	}

	@Test
	void answersAnotherPartnersStatusUpdateAsIfTheSessionDidNotExist() {
		State before = state();
		for (String session : List.of(this.submitted, this.approved, this.rewarded)) {
			for (String step : List.of("FORM_REVIEWING", "FORM_APPROVED", "FORM_REJECTED")) {
				Http.Answer answer = this.fixtures.updateStatus(this.b.apiKey(), session, step);
				assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
				assertThat(answer.body()).isEqualTo("{\"error_msg\":\"No record with session_id: " + session + "\"}");
			}
		}
		assertThat(sameAnswerShape(this.fixtures.updateStatus(this.b.apiKey(), this.submitted, "FORM_REVIEWING"),
				this.fixtures.updateStatus(this.b.apiKey(), unknownSession(), "FORM_REVIEWING")))
			.isTrue();
		assertThat(state()).isEqualTo(before);
	}

	@Test
	void answersAnotherPartnersCouponIssueAsIfTheSessionDidNotExist() {
		State before = state();
		for (String session : List.of(this.submitted, this.approved, this.rewarded)) {
			Http.Answer answer = this.fixtures.engage(this.b.apiKey(), session);
			assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
			assertThat(answer.body()).isEqualTo("{\"error_msg\":\"Invalid session_id " + session + "\"}");
		}
		Http.Answer withBody = this.http.post("/smart-engage/post/engage-v3/" + this.approved)
			.apiKey(this.b.apiKey())
			.json("{}")
			.send();
		assertThat(withBody.status()).isEqualTo(400);
		assertThat(withBody.errorMsg()).isEqualTo("Invalid session_id " + this.approved);
		assertThat(sameAnswerShape(this.fixtures.engage(this.b.apiKey(), this.approved),
				this.fixtures.engage(this.b.apiKey(), unknownSession())))
			.isTrue();
		assertThat(state()).isEqualTo(before);
	}

	@Test
	void answersAnotherPartnersSessionViewAsIfTheSessionDidNotExist() {
		Http.Answer own = this.http.get("/smart-engage/get/session/" + this.rewarded).apiKey(this.a.apiKey()).send();
		assertThat(own.status()).isEqualTo(200);
		for (String session : List.of(this.submitted, this.approved, this.rewarded)) {
			Http.Answer answer = this.http.get("/smart-engage/get/session/" + session).apiKey(this.b.apiKey()).send();
			assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
			assertThat(answer.errorMsg()).isEqualTo("No record with session_id: " + session);
			assertThat(answer.body()).doesNotContain(this.code).doesNotContain("FORM_");
		}
		String unknown = unknownSession();
		assertThat(sameAnswerShape(
				this.http.get("/smart-engage/get/session/" + this.approved).apiKey(this.b.apiKey()).send(),
				this.http.get("/smart-engage/get/session/" + unknown).apiKey(this.b.apiKey()).send()))
			.isTrue();
		assertThat(this.http.get("/smart-engage/get/session/" + this.rewarded).apiKey(this.a.apiKey()).send().body())
			.isEqualTo(own.body());
	}

	@Test
	void refusesToRedeemAnotherPartnersCoupon() {
		State before = state();
		Http.Answer answer = redeem(this.b.apiKey(), this.code);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.errorMsg()).isEqualTo("No coupon with code " + this.code);
		Http.Answer unknown = redeem(this.b.apiKey(), "NO-SUCH-CODE");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.errorMsg()).isEqualTo("No coupon with code NO-SUCH-CODE");
		assertThat(state()).isEqualTo(before);

		Http.Answer own = redeem(this.a.apiKey(), this.code);
		assertThat(own.status()).as("A can still redeem its coupon: %s", own).isEqualTo(200);
	}

	@Test
	void keepsPartnersApartWhenTheirCouponCodesAreTheSame() {
		long shared = this.fixtures
			.campaign("{\"partner_id\": " + this.b.partnerId() + ", \"name\": \"Same codes\", " + "\"form_url\": \""
					+ Fixtures.FORM_URL + "\", \"coupon_codes\": [\"" + this.code + "\"]}")
			.get("id")
			.asLong();
		String slug = this.fixtures.placement(shared, this.b.screenId());
		State before = state();

		Http.Answer notIssued = redeem(this.b.apiKey(), this.code);
		assertThat(notIssued.status()).as(notIssued.toString()).isEqualTo(400);
		assertThat(notIssued.errorMsg()).isEqualTo("Coupon " + this.code + " has not been issued to a shopper yet");
		assertThat(state()).isEqualTo(before);

		String bSession = this.fixtures.scan(slug);
		assertThat(this.fixtures.updateStatus(this.b.apiKey(), bSession, "FORM_APPROVED").status()).isEqualTo(200);
		Http.Answer issued = this.fixtures.engage(this.b.apiKey(), bSession);
		assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
		assertThat(issued.json().get("coupon_code").asString()).isEqualTo(this.code);
		assertThat(redeem(this.b.apiKey(), this.code).status()).isEqualTo(200);
		assertThat(state()).as("B redeemed its own copy of the code, not A's").isEqualTo(before);
		assertThat(redeem(this.a.apiKey(), this.code).status()).isEqualTo(200);
	}

	@Test
	void answersAnotherPartnersIdempotentRetryAsIfTheSessionDidNotExist() {
		Http.Answer first = this.http.post("/smart-engage/post/engage-v3/" + this.approved)
			.apiKey(this.a.apiKey())
			.header("Idempotency-Key", "shared-key-1")
			.send();
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		State before = state();
		Http.Answer other = this.http.post("/smart-engage/post/engage-v3/" + this.approved)
			.apiKey(this.b.apiKey())
			.header("Idempotency-Key", "shared-key-1")
			.send();
		assertThat(other.status()).as(other.toString()).isEqualTo(400);
		assertThat(other.errorMsg()).isEqualTo("Invalid session_id " + this.approved);
		assertThat(other.header("Idempotent-Replayed")).isNull();
		assertThat(other.body()).doesNotContain(first.json().get("coupon_code").asString());
		assertThat(state()).isEqualTo(before);
	}

	@Test
	void answersAnotherPartnersTestKeyAsIfNoSessionOfEitherModeExisted() {
		State before = state();

		refusedAsUnknown(this.bTest, allSessions(), List.of(this.code, this.sandboxCode));

		assertThat(state()).isEqualTo(before);
	}

	@Test
	void answersAnotherPartnersLiveKeyAsIfNoSandboxSessionExisted() {
		State before = state();

		refusedAsUnknown(this.b.apiKey(), List.of(this.sandboxSubmitted, this.sandboxApproved, this.sandboxRewarded),
				List.of(this.sandboxCode));

		assertThat(state()).isEqualTo(before);
	}

	@Test
	void keepsAPartnersLiveAndTestModesApart() {
		State before = state();

		refusedAsUnknown(this.aTest, List.of(this.submitted, this.approved, this.rewarded), List.of(this.code));
		refusedAsUnknown(this.a.apiKey(), List.of(this.sandboxSubmitted, this.sandboxApproved, this.sandboxRewarded),
				List.of(this.sandboxCode));

		assertThat(state()).isEqualTo(before);
		assertThat(redeem(this.a.apiKey(), this.code).status()).isEqualTo(200);
		assertThat(redeem(this.aTest, this.sandboxCode).status()).isEqualTo(200);
	}

	@Test
	void refusesSandboxScansOfAnotherPartnersCampaignOrWithALiveKeyAndMakesNothing() {
		State before = state();
		long bSessions = sessionCount(this.b.partnerId());

		Http.Answer theirs = this.fixtures.sandboxScan(this.bTest, this.a.campaignId());
		Http.Answer live = this.fixtures.sandboxScan(this.a.apiKey(), this.a.campaignId());
		Http.Answer otherLive = this.fixtures.sandboxScan(this.b.apiKey(), this.a.campaignId());

		assertThat(theirs.status()).as(theirs.toString()).isEqualTo(404);
		assertThat(theirs.errorMsg())
			.isEqualTo("No campaign with campaign_id: " + this.a.campaignId() + " for this API-KEY");
		Http.Answer unknown = this.fixtures.sandboxScan(this.bTest, 987_654_321L);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(theirs.body().replace(Long.toString(this.a.campaignId()), "<id>"))
			.as("answered exactly as a campaign that does not exist")
			.isEqualTo(unknown.body().replace("987654321", "<id>"));
		for (Http.Answer refused : List.of(live, otherLive)) {
			assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
			assertThat(refused.body()).isEqualTo("{\"error_msg\":\"Sandbox calls need a test API-KEY\"}");
		}
		assertThat(state()).isEqualTo(before);
		assertThat(sessionCount(this.b.partnerId())).isEqualTo(bSessions);
	}

	@Test
	void keepsALiveCodeApartFromASandboxCodeOfTheSameText() {
		Http.Answer imported = this.http.post("/admin/api/campaigns/" + this.a.campaignId() + "/coupon-codes")
			.admin()
			.json("[\"" + this.sandboxCode + "\"]")
			.send();
		assertThat(imported.json().get("imported").asInt()).as(imported.toString()).isEqualTo(1);

		Http.Answer live = redeem(this.a.apiKey(), this.sandboxCode);
		assertThat(live.status()).as(live.toString()).isEqualTo(400);
		assertThat(live.errorMsg()).isEqualTo("Coupon " + this.sandboxCode + " has not been issued to a shopper yet");
		assertThat(redeem(this.aTest, this.sandboxCode).status()).isEqualTo(200);
		Http.Answer again = redeem(this.a.apiKey(), this.sandboxCode);
		assertThat(again.errorMsg()).isEqualTo("Coupon " + this.sandboxCode + " has not been issued to a shopper yet");
	}

	/**
	 * Every partner call with the key on the sessions and codes: the contract's answers
	 * for an unknown session or code, exactly, with nothing of theirs in them.
	 */
	private void refusedAsUnknown(String key, List<String> sessions, List<String> codes) {
		for (String session : sessions) {
			for (String step : List.of("FORM_REVIEWING", "FORM_APPROVED", "FORM_REJECTED")) {
				Http.Answer answer = this.fixtures.updateStatus(key, session, step);
				assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
				assertThat(answer.body()).isEqualTo("{\"error_msg\":\"No record with session_id: " + session + "\"}");
			}
			Http.Answer engage = this.fixtures.engage(key, session);
			assertThat(engage.status()).as(engage.toString()).isEqualTo(400);
			assertThat(engage.body()).isEqualTo("{\"error_msg\":\"Invalid session_id " + session + "\"}");
			Http.Answer view = this.fixtures.view(key, session);
			assertThat(view.status()).as(view.toString()).isEqualTo(404);
			assertThat(view.errorMsg()).isEqualTo("No record with session_id: " + session);
			assertThat(sameAnswerShape(view, this.fixtures.view(key, unknownSession()))).isTrue();
		}
		for (String coupon : codes) {
			Http.Answer answer = redeem(key, coupon);
			assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
			assertThat(answer.errorMsg()).isEqualTo("No coupon with code " + coupon);
		}
	}

	private List<String> allSessions() {
		return List.of(this.submitted, this.approved, this.rewarded, this.sandboxSubmitted, this.sandboxApproved,
				this.sandboxRewarded);
	}

	private long sessionCount(long partnerId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM journey_session WHERE partner_id = :partner")
			.param("partner", partnerId)
			.query(Long.class)
			.single();
	}

	private Http.Answer redeem(String apiKey, String couponCode) {
		return this.http.post("/smart-engage/post/redeem-coupon")
			.apiKey(apiKey)
			.json("{\"coupon_code\": \"" + couponCode + "\"}")
			.send();
	}

	private static String unknownSession() {
		return UUID.randomUUID().toString();
	}

	/** Same status, and the same body once each answer's session id is taken out. */
	private static boolean sameAnswerShape(Http.Answer other, Http.Answer unknown) {
		return other.status() == unknown.status() && other.body()
			.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>")
			.equals(unknown.body().replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>"));
	}

	/** Everything stored about partner A's sessions and coupons. */
	private State state() {
		List<String> sessions = this.jdbc.sql("""
				SELECT id, status, step_index, ended, rewarded_at, coupon_issued_at, updated_at, test
				FROM journey_session WHERE partner_id = :partner ORDER BY id
				""")
			.param("partner", this.a.partnerId())
			.query((rs, row) -> rs.getString("id") + " " + rs.getString("status") + " " + rs.getInt("step_index") + " "
					+ rs.getBoolean("ended") + " " + rs.getString("rewarded_at") + " "
					+ rs.getString("coupon_issued_at") + " " + rs.getString("updated_at") + " " + rs.getBoolean("test"))
			.list();
		List<String> events = this.jdbc.sql("""
				SELECT e.id, e.session_id, e.step, e.occurred_at FROM journey_event e
				JOIN journey_session s ON s.id = e.session_id
				WHERE s.partner_id = :partner ORDER BY e.id
				""")
			.param("partner", this.a.partnerId())
			.query((rs, row) -> rs.getLong("id") + " " + rs.getString("session_id") + " " + rs.getString("step") + " "
					+ rs.getString("occurred_at"))
			.list();
		List<String> coupons = this.jdbc.sql("""
				SELECT id, code, session_id, token, issued_at, redeemed_at FROM coupon
				WHERE partner_id = :partner ORDER BY id
				""")
			.param("partner", this.a.partnerId())
			.query((rs, row) -> rs.getLong("id") + " " + rs.getString("code") + " " + rs.getString("session_id") + " "
					+ rs.getString("token") + " " + rs.getString("issued_at") + " " + rs.getString("redeemed_at"))
			.list();
		List<String> sandboxEvents = this.jdbc.sql("""
				SELECT e.id, e.session_id, e.step, e.occurred_at FROM sandbox_event e
				JOIN journey_session s ON s.id = e.session_id
				WHERE s.partner_id = :partner ORDER BY e.id
				""")
			.param("partner", this.a.partnerId())
			.query((rs, row) -> rs.getLong("id") + " " + rs.getString("session_id") + " " + rs.getString("step") + " "
					+ rs.getString("occurred_at"))
			.list();
		List<String> sandboxCoupons = this.jdbc.sql("""
				SELECT id, code, session_id, token, issued_at, redeemed_at FROM sandbox_coupon
				WHERE partner_id = :partner ORDER BY id
				""")
			.param("partner", this.a.partnerId())
			.query((rs, row) -> rs.getLong("id") + " " + rs.getString("code") + " " + rs.getString("session_id") + " "
					+ rs.getString("token") + " " + rs.getString("issued_at") + " " + rs.getString("redeemed_at"))
			.list();
		List<String> views = new java.util.ArrayList<>();
		for (String session : List.of(this.submitted, this.approved, this.rewarded)) {
			views.add(this.fixtures.view(this.a.apiKey(), session).toString());
		}
		for (String session : List.of(this.sandboxSubmitted, this.sandboxApproved, this.sandboxRewarded)) {
			views.add(this.fixtures.view(this.aTest, session).toString());
		}
		return new State(sessions, events, coupons, sandboxEvents, sandboxCoupons, views);
	}

	private record State(List<String> sessions, List<String> events, List<String> coupons, List<String> sandboxEvents,
			List<String> sandboxCoupons, List<String> views) {
	}

}
