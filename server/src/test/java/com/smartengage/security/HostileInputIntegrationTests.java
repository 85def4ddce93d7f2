package com.smartengage.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.LogCapture;
import com.smartengage.support.ServerTests;
import com.smartengage.support.fuzz.Attack;
import com.smartengage.support.fuzz.AttackSender;
import com.smartengage.support.fuzz.FuzzOracle;
import com.smartengage.support.fuzz.FuzzReport;
import com.smartengage.support.fuzz.HostileRequests;
import com.smartengage.support.fuzz.Playground;
import com.smartengage.support.fuzz.Reply;
import com.smartengage.support.fuzz.Snapshot;
import com.smartengage.support.fuzz.Target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Tens of thousands of hostile requests, made by a seeded random generator
 * ({@link HostileRequests}), against every partner endpoint and the scan (malformed JSON,
 * wrong types, huge and odd text, bad bytes, odd headers and paths), query strings on
 * every kind of route, the admin API, the dashboard's forms, raw request lines and raw
 * header sections. The server must never answer 5xx, must answer every partner and admin
 * API 4xx with a JSON {@code error_msg}, and a rejected request must change nothing; its
 * log must show no stack trace, no error and no secret (keys, tokens, the session cookie,
 * a marker planted where only secrets go): the rules of {@link FuzzOracle}. The seed is
 * printed; replay a run with {@code -Dfuzz.seed=<seed>} (and change the count with
 * {@code -Dfuzz.requests=<n>}).
 * <p>
 * The rate limits are off in this server of its own: a limit would answer 429 to most of
 * the run and keep it from reaching the code behind.
 */
@IntegrationTest
@TestPropertySource(properties = { "smart-engage.rate-limit.scan-enabled=false",
		"smart-engage.rate-limit.partner-api-enabled=false", "smart-engage.rate-limit.login-enabled=false" })
class HostileInputIntegrationTests extends ServerTests {

	private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());

	private static final int REQUESTS = Integer.getInteger("fuzz.requests", 20_000);

	private static final String UPDATE = "/smart-engage/post/update-session-status";

	private static final String ENGAGE = "/smart-engage/post/engage-v3/";

	private static final String VIEW = "/smart-engage/get/session/";

	private static final String REDEEM = "/smart-engage/post/redeem-coupon";

	@Autowired
	JdbcClient jdbc;

	@Test
	void survivesThousandsOfHostileRequestsWithoutServerErrorsOrChanges() {
		System.out.println("HostileInputIntegrationTests: fuzz.seed=" + SEED + ", fuzz.requests=" + REQUESTS
				+ " (replay with -Dfuzz.seed=" + SEED + ")");
		Target target = Target.build(this.fixtures, this.jdbc);
		Playground playground = Playground.create(this.fixtures, this.http, target.world().apiKey());
		HostileRequests requests = new HostileRequests(new Random(SEED), target, playground);
		List<String> secrets = new ArrayList<>(List.of(target.world().apiKey(), target.otherKey(),
				IntegrationTest.ADMIN_TOKEN, IntegrationTest.METRICS_TOKEN, HostileRequests.MARKER));
		for (String pair : playground.keys().cookie().split("; ")) {
			secrets.add(pair.substring(pair.indexOf('=') + 1));
		}
		AttackSender sender = new AttackSender(this.port);
		FuzzReport report = new FuzzReport(SEED);
		Snapshot last = Snapshot.take(this.jdbc, target);
		LogCapture log = LogCapture.open();
		long started = System.nanoTime();
		for (int i = 0; i < REQUESTS; i++) {
			Attack attack = requests.next();
			try {
				Reply reply = sender.send(attack, report);
				report.count(attack, reply);
				Snapshot now = Snapshot.take(this.jdbc, target);
				FuzzOracle.check(i, attack, reply, last, now, report);
				last = now;
			}
			catch (RuntimeException ex) {
				report.problem("the test itself failed on this request: " + ex, "#" + i + " " + attack);
				last = Snapshot.take(this.jdbc, target);
			}
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		log.close();
		FuzzOracle.checkLog(log.lines(), secrets, report);
		System.out.println(report.summary(millis));
		List<String> problems = report.problems();
		if (!problems.isEmpty()) {
			fail("%d of %d hostile requests broke a rule (fuzz.seed=%d, replay with -Dfuzz.seed=%d):%n%s%n%s",
					problems.size(), REQUESTS, SEED, SEED,
					String.join("\n", problems.subList(0, Math.min(60, problems.size()))), report.summary(millis));
		}
		assertThat(report.answersByKindAndStatus()).as("hostile requests got past authentication into every endpoint")
			.containsKeys("update 400", "engage 400", "view 404", "redeem 400", "scan 404", "query 400", "admin 201",
					"admin 400", "form 302", "form 400", "line 400", "header 400");
	}

	// ---------------------------------------------------------------- cases the fuzzer
	// found, pinned

	/**
	 * The server parses no multipart bodies (it takes none), so a wrong multipart
	 * Content-Type is read like a missing one: the body as sent. That is never a 5xx, and
	 * the status update, whose contract works without a Content-Type, still works with a
	 * wrong one.
	 */
	@Test
	void readsTheBodyAsSentWhateverMultipartContentTypeItCarries() {
		Fixtures.World world = this.fixtures.world(1);
		String session = this.fixtures.scan(world.slug());
		String json = "{\"session_id\": \"" + session + "\", \"new_status\": \"FORM_SUBMITTED\"}";
		Http.Answer first = this.http.post(UPDATE)
			.apiKey(world.apiKey())
			.header("Content-Type", "multipart/form-data")
			.body(json)
			.send();
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		for (String path : List.of(UPDATE, ENGAGE + session, VIEW + session, REDEEM)) {
			String method = path.startsWith(VIEW) ? "GET" : "POST";
			for (String type : List.of("multipart/form-data", "multipart/form-data; boundary=xyz",
					"multipart/mixed; boundary=xyz")) {
				Http.Answer answer = this.http.call(method, path)
					.apiKey(world.apiKey())
					.header("Content-Type", type)
					.body(json)
					.send();
				assertThat(answer.status()).as(path + " " + type + ": " + answer).isLessThan(500);
				if (answer.status() >= 400) {
					assertThat(answer.errorMsg()).as(path + " " + type).isNotBlank();
				}
			}
		}
		Http.Answer again = this.http.post(UPDATE)
			.apiKey(world.apiKey())
			.header("Content-Type", "multipart/form-data; boundary=xyz")
			.body(json)
			.send();
		assertThat(again.errorMsg()).isEqualTo("Action already completed for session_id: " + session);
	}

	@Test
	void answersInJsonWhateverTheAcceptHeaderOnceTheChangeIsMade() {
		Fixtures.World world = this.fixtures.world(1);
		String session = this.fixtures.scan(world.slug());
		Http.Answer update = this.http.post(UPDATE)
			.apiKey(world.apiKey())
			.header("Accept", "text/html")
			.json("{\"session_id\": \"" + session + "\", \"new_status\": \"FORM_APPROVED\"}")
			.send();
		assertThat(update.status()).as(update.toString()).isEqualTo(200);
		assertThat(update.header("Content-Type")).startsWith("application/json");
		Http.Answer engage = this.http.post(ENGAGE + session)
			.apiKey(world.apiKey())
			.header("Accept", "application/xml")
			.send();
		assertThat(engage.status()).as(engage.toString()).isEqualTo(200);
		String code = engage.json().get("coupon_code").asString();
		Http.Answer redeem = this.http.post(REDEEM)
			.apiKey(world.apiKey())
			.header("Accept", "image/png")
			.json("{\"coupon_code\": \"" + code + "\"}")
			.send();
		assertThat(redeem.status()).as(redeem.toString()).isEqualTo(200);
		assertThat(redeem.json().get("message").asString()).isEqualTo("success");
	}

	@Test
	void refusesCouponCodesNoPoolCanHoldWithoutAskingTheDatabase() {
		Fixtures.World world = this.fixtures.world(1);
		for (String code : List.of("\u0000", "AB\u0000CD", "\u0000".repeat(100), "X".repeat(65), "A\u001BB")) {
			Http.Answer answer = this.http.post(REDEEM)
				.apiKey(world.apiKey())
				.json("{\"coupon_code\": " + Http.JSON.writeValueAsString(code) + "}")
				.send();
			assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
			assertThat(answer.errorMsg()).startsWith("No coupon with code ").doesNotContain("\u0000");
		}
	}

	@Test
	void echoesLoneSurrogatesAndControlCharactersAsValidJson() {
		Fixtures.World world = this.fixtures.world(1);
		String session = this.fixtures.scan(world.slug());
		for (String id : List.of("\\uD800", "x\\uDC00y", "\\u0000\\u001B", "\\u202E")) {
			Http.Answer answer = this.http.post(UPDATE)
				.apiKey(world.apiKey())
				.json("{\"session_id\": \"" + id + "\", \"new_status\": \"FORM_APPROVED\"}")
				.send();
			assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
			assertThat(answer.errorMsg()).startsWith("No record with session_id: ");
			Http.Answer status = this.http.post(UPDATE)
				.apiKey(world.apiKey())
				.json("{\"session_id\": \"" + session + "\", \"new_status\": \"" + id + "\"}")
				.send();
			assertThat(status.status()).as(status.toString()).isEqualTo(400);
			assertThat(status.errorMsg()).startsWith("new_status ").contains(" is not a step of flow FILL_FORM");
		}
	}

	/**
	 * Tomcat refuses these URLs itself, before any filter runs: an encoded slash,
	 * backslash or NUL, a malformed escape, escapes that are not UTF-8. They cannot name
	 * a session (ids are UUIDs, and the status update carries its id in the body), and
	 * relaxing these checks would weaken Tomcat's path traversal defences, so they stay;
	 * the server's error valve still answers them with the contract's JSON error shape,
	 * and such a request changes nothing.
	 */
	@Test
	void answersMalformedUrlsWithAJsonErrorAndChangesNothing() {
		Fixtures.World world = this.fixtures.world(1);
		String session = this.fixtures.approvedSession(world);
		Target target = new Target(world, world.apiKey(), List.of(session), List.of(), List.of(world.slug()));
		Snapshot before = Snapshot.take(this.jdbc, target);
		for (String piece : List.of("a%2Fb", session + "%2F..", "%5C", session + "%00", "%c3%28", "%ed%a0%80")) {
			Http.Answer answer = this.http.post(ENGAGE + piece).apiKey(world.apiKey()).send();
			assertThat(answer.status()).as(piece + ": " + answer).isEqualTo(400);
			assertThat(answer.header("Content-Type")).as(piece).startsWith("application/json");
			assertThat(answer.errorMsg()).as(piece)
				.isEqualTo("Request could not be read: its path or headers are not valid");
			assertThat(this.http.get(VIEW + piece).apiKey(world.apiKey()).send().status()).isEqualTo(400);
		}
		assertThat(Snapshot.take(this.jdbc, target)).isEqualTo(before);
		assertThat(this.fixtures.engage(world.apiKey(), session).status()).isEqualTo(200);
	}

}
