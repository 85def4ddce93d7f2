package com.smartengage.common.ratelimit;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.RawHttp;
import com.smartengage.support.ServerTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three rate limits over real HTTP, with small limits (a burst of 5 scans, 5 partner
 * calls, 3 failed logins; one more a minute) in a server of their own. Clients at other
 * loopback addresses (127.0.0.x) play other IP addresses, each test its own, so that no
 * test spends another's budget.
 */
@IntegrationTest
@TestPropertySource(properties = { "smart-engage.rate-limit.scan-burst=5", "smart-engage.rate-limit.scan-per-minute=1",
		"smart-engage.rate-limit.partner-api-burst=5", "smart-engage.rate-limit.partner-api-per-minute=1",
		"smart-engage.rate-limit.login-burst=3", "smart-engage.rate-limit.login-per-minute=1" })
class RateLimitIntegrationTests extends ServerTests {

	private static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Mobile/15E148";

	private static final String UPDATE = "/smart-engage/post/update-session-status";

	private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(10);

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void needsLoopbackAliases() {
		Assumptions.assumeTrue(RawHttp.canBind("127.0.0.2"),
				"these tests play several clients from 127.0.0.x, which this machine cannot bind");
	}

	@Test
	void refusesTheSixthScanFromOneAddressWithA429PageAndMakesNoSession() {
		Fixtures.World world = this.fixtures.world(1);
		RawHttp phone = client();
		for (int i = 1; i <= 5; i++) {
			Http.Answer answer = phone.get("/s/" + world.slug(), Map.of("User-Agent", PHONE));
			assertThat(answer.status()).as("scan " + i + ": " + answer).isEqualTo(302);
		}

		Http.Answer refused = phone.get("/s/" + world.slug(), Map.of("User-Agent", PHONE));

		assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
		assertThat(refused.header("Content-Type")).startsWith("text/html");
		assertThat(refused.body()).startsWith("<!DOCTYPE html>").contains("Too many scans");
		assertRetryAfterWithinAMinute(refused);
		assertThat(refused.header("Content-Security-Policy")).as("the page keeps its security headers").isNotNull();
		assertThat(refused.header("Location")).isNull();
		assertThat(sessions(world)).as("no session for the refused scan").isEqualTo(5);
		assertThat(phone.get("/s/no-such-slug", Map.of()).status()).as("every scan path counts").isEqualTo(429);

		Http.Answer otherPhone = client().get("/s/" + world.slug(), Map.of("User-Agent", PHONE));
		assertThat(otherPhone.status()).as("another address has its own budget").isEqualTo(302);
		assertThat(sessions(world)).isEqualTo(6);
		assertThat(this.http.get("/actuator/prometheus").admin().send().body())
			.containsPattern("smart_engage_rate_limited_requests_total\\{limit=\"scan\"\\} [1-9]");
	}

	@Test
	void refusesTheSixthCallOfOneApiKeyWithTheErrorBodyAndChangesNothing() {
		Fixtures.World world = this.fixtures.world(5);
		String session = scan(world);
		for (int i = 1; i <= 5; i++) {
			Http.Answer answer = this.http.get("/smart-engage/get/session/" + session).apiKey(world.apiKey()).send();
			assertThat(answer.status()).as("call " + i + ": " + answer).isEqualTo(200);
		}

		Http.Answer update = this.fixtures.updateStatus(world.apiKey(), session, "FORM_APPROVED");
		Http.Answer engage = this.fixtures.engage(world.apiKey(), session);
		Http.Answer idempotent = this.http.post(UPDATE)
			.apiKey(world.apiKey())
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.json("{\"session_id\": \"" + session + "\", \"new_status\": \"FORM_APPROVED\"}")
			.send();

		for (Http.Answer refused : new Http.Answer[] { update, engage, idempotent }) {
			assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
			assertThat(refused.header("Content-Type")).startsWith("application/json");
			assertThat(refused.errorMsg()).matches("Too many requests with this API-KEY; retry after \\d+ seconds");
			assertRetryAfterWithinAMinute(refused);
			assertThat(refused.body()).doesNotContain(world.apiKey());
		}
		assertThat(this.jdbc.sql("SELECT status FROM journey_session WHERE id = :id")
			.param("id", UUID.fromString(session))
			.query(String.class)
			.single()).isEqualTo("SCANNED");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM journey_event WHERE session_id = :id")
			.param("id", UUID.fromString(session))
			.query(Long.class)
			.single()).isEqualTo(1L);
		assertThat(this.fixtures.couponsIssued(world.campaignId())).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM idempotent_request WHERE partner_id = :partner")
			.param("partner", world.partnerId())
			.query(Long.class)
			.single()).isZero();

		Http.Answer unknownKey = this.fixtures.updateStatus("se_not-a-key", session, "FORM_APPROVED");
		assertThat(unknownKey.status()).as("authentication still comes first").isEqualTo(401);

		String secondKey = this.fixtures.apiKey(world.partnerId()).key();
		Http.Answer otherKey = this.fixtures.updateStatus(secondKey, session, "FORM_APPROVED");
		assertThat(otherKey.status()).as("another key has its own budget: " + otherKey).isEqualTo(200);
		assertThat(this.fixtures.engage(secondKey, session).status()).isEqualTo(200);
	}

	@Test
	void refusesAnAddressAfterThreeWrongAdminTokensEvenWithTheRightOne() {
		RawHttp guesser = client();
		long partnersBefore = partners();
		for (int i = 0; i < 5; i++) {
			assertThat(guesser.get("/admin/api/partners", Map.of()).status()).as("no credential is no guess")
				.isEqualTo(401);
		}
		for (int i = 1; i <= 3; i++) {
			Http.Answer answer = guesser.get("/admin/api/partners", bearer("wrong-token-" + i));
			assertThat(answer.status()).as("guess " + i + ": " + answer).isEqualTo(401);
		}

		Http.Answer blocked = guesser.get("/admin/api/partners", bearer(IntegrationTest.ADMIN_TOKEN));
		Http.Answer create = guesser.post("/admin/api/partners", withJson(bearer(IntegrationTest.ADMIN_TOKEN)),
				"{\"name\": \"Blocked " + UUID.randomUUID() + "\"}");

		for (Http.Answer refused : new Http.Answer[] { blocked, create }) {
			assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
			assertThat(refused.header("Content-Type")).startsWith("application/json");
			assertThat(refused.errorMsg())
				.matches("Too many failed admin logins from this address; retry after \\d+ seconds");
			assertRetryAfterWithinAMinute(refused);
		}
		assertThat(partners()).as("the refused request created nothing").isEqualTo(partnersBefore);
		assertThat(this.http.get("/admin/api/partners").admin().send().status())
			.as("the operator at another address is not affected")
			.isEqualTo(200);
	}

	@Test
	void neverCountsTheRightAdminToken() {
		RawHttp operator = client();
		for (int i = 0; i < 10; i++) {
			assertThat(operator.get("/admin/api/partners", bearer(IntegrationTest.ADMIN_TOKEN)).status())
				.isEqualTo(200);
		}
		assertThat(operator.get("/admin/api/partners", bearer("typo")).status()).isEqualTo(401);
		assertThat(operator.get("/admin/api/partners", bearer(IntegrationTest.ADMIN_TOKEN)).status()).isEqualTo(200);
	}

	@Test
	void countsFailedDashboardLoginsInTheSameBucketAsWrongAdminTokens() {
		RawHttp guesser = client();
		Map<String, String> form = Map.of("Content-Type", "application/x-www-form-urlencoded");
		assertThat(guesser.get("/admin/api/partners", bearer("wrong-1")).status()).isEqualTo(401);
		assertThat(guesser.get("/admin/api/partners", bearer("wrong-2")).status()).isEqualTo(401);
		Http.Answer login = guesser.post("/dashboard/login", form, "username=admin&password=guess");
		assertThat(login.status()).as(login.toString()).isNotEqualTo(429);

		Http.Answer refused = guesser.post("/dashboard/login", form, "username=admin&password=guess-again");

		assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
		assertThat(refused.header("Content-Type")).startsWith("text/html");
		assertThat(refused.body()).startsWith("<!DOCTYPE html>").contains("Too many login attempts");
		assertRetryAfterWithinAMinute(refused);
		assertThat(guesser.get("/admin/api/partners", bearer(IntegrationTest.ADMIN_TOKEN)).status()).isEqualTo(429);
		assertThat(guesser.get("/dashboard/login", Map.of()).status()).as("only the login itself is limited")
			.isNotEqualTo(429);
	}

	@Test
	void describesThe429InTheOpenApiDocument() {
		JsonNode paths = this.http.get("/v3/api-docs").send().json().get("paths");
		JsonNode update = paths.get(UPDATE).get("post").get("responses").get("429");
		assertThat(update.get("headers").has("Retry-After")).isTrue();
		String ref = update.get("content").get("application/json").get("schema").get("$ref").asString();
		assertThat(this.http.get("/v3/api-docs").send().json().at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
		assertThat(paths.get("/admin/api/partners").get("get").get("responses").has("429")).isTrue();
		assertThat(paths.get("/s/{slug}").get("get").get("responses").get("429").get("content").has("text/html"))
			.isTrue();
	}

	/** A client at a loopback address no other test uses. */
	private RawHttp client() {
		int n = NEXT_ADDRESS.getAndIncrement();
		return new RawHttp("127.0.0." + n, this.port);
	}

	/** A scan from an address of its own; answers the session id. */
	private String scan(Fixtures.World world) {
		Http.Answer answer = client().get("/s/" + world.slug(), Map.of("User-Agent", PHONE));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(302);
		String location = answer.header("Location");
		int at = location.indexOf("session_id=") + "session_id=".length();
		return location.substring(at, at + 36);
	}

	private long sessions(Fixtures.World world) {
		return this.jdbc.sql("SELECT COUNT(*) FROM journey_session WHERE campaign_id = :campaign")
			.param("campaign", world.campaignId())
			.query(Long.class)
			.single();
	}

	private long partners() {
		return this.jdbc.sql("SELECT COUNT(*) FROM partner").query(Long.class).single();
	}

	private static Map<String, String> bearer(String token) {
		return Map.of("Authorization", "Bearer " + token);
	}

	private static Map<String, String> withJson(Map<String, String> headers) {
		return Map.of("Authorization", headers.get("Authorization"), "Content-Type", "application/json");
	}

	private static void assertRetryAfterWithinAMinute(Http.Answer answer) {
		assertThat(answer.header("Retry-After")).as("Retry-After of " + answer).isNotNull();
		assertThat(Long.parseLong(answer.header("Retry-After"))).isBetween(1L, 60L);
	}

}
