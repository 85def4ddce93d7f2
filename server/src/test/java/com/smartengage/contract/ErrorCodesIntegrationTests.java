package com.smartengage.contract;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.LogCapture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Beside the contract's unchanged bodies, every error answer names its case in the
 * {@code X-Error-Code} header, so that a program tells apart the 400s that share a status
 * (engage-v3 has five) without matching sentences; and every answer carries an
 * {@code X-Request-Id}, the same one its log lines name.
 */
@IntegrationTest
class ErrorCodesIntegrationTests {

	@LocalServerPort
	int port;

	Http http;

	Fixtures fixtures;

	@BeforeEach
	void setUp() {
		this.http = new Http(this.port);
		this.fixtures = new Fixtures(this.http);
	}

	static void assertError(Http.Answer answer, int status, String code, String messageStart) {
		assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
		assertThat(answer.header("X-Error-Code")).as(answer.toString()).isEqualTo(code);
		assertThat(answer.errorMsg()).as(answer.toString()).startsWith(messageStart);
		assertThat(answer.header("X-Request-Id")).as(answer.toString()).matches("[0-9a-f]{32}");
	}

	@Test
	void theCouponIssuesRefusalsEachHaveACode() {
		Fixtures.World world = this.fixtures.world(1);
		String unknown = UUID.randomUUID().toString();
		assertError(this.fixtures.engage(world.apiKey(), unknown), 400, "session_not_found",
				"Invalid session_id " + unknown);
		String scanned = this.fixtures.scan(world.slug());
		assertError(this.fixtures.engage(world.apiKey(), scanned), 400, "step_not_reached", "Session " + scanned);
		String approved = this.fixtures.approvedSession(world);
		assertThat(this.fixtures.engage(world.apiKey(), approved).status()).isEqualTo(200);
		assertError(this.fixtures.engage(world.apiKey(), approved), 400, "coupon_already_issued",
				"A coupon was already issued");
		String second = this.fixtures.approvedSession(world);
		assertError(this.fixtures.engage(world.apiKey(), second), 400, "pool_empty", "No coupons are left");
		assertError(this.fixtures.engage("se_not-a-key", second), 401, "invalid_api_key", "API-KEY is invalid");
	}

	@Test
	void theStatusUpdatesAndTheSessionViewsRefusalsEachHaveACode() {
		Fixtures.World world = this.fixtures.world(1);
		String session = this.fixtures.approvedSession(world);
		assertError(this.fixtures.updateStatus(world.apiKey(), session, "FORM_SUBMITTED"), 400,
				"action_already_completed", "Action already completed for session_id: " + session);
		assertError(this.fixtures.updateStatus(world.apiKey(), this.fixtures.scan(world.slug()), "NOT_A_STEP"), 400,
				"unknown_status", "new_status NOT_A_STEP is not a step");
		String unknown = UUID.randomUUID().toString();
		assertError(this.http.get("/smart-engage/get/session/" + unknown).apiKey(world.apiKey()).send(), 404,
				"session_not_found", "No record with session_id: " + unknown);
		assertError(this.http.post("/smart-engage/post/update-session-status").apiKey(world.apiKey()).json("{").send(),
				400, "invalid_request", "Request body is not valid JSON");
		assertError(this.http.post("/smart-engage/post/redeem-coupon")
			.apiKey(world.apiKey())
			.json("{\"coupon_code\": \"NO-SUCH-CODE\"}")
			.send(), 400, "coupon_not_found", "No coupon with code NO-SUCH-CODE");
	}

	@Test
	void everyAnswerHasARequestIdThatItsLogLinesName() {
		Fixtures.World world = this.fixtures.world(1);
		Http.Answer scan = this.http.get("/s/" + world.slug()).send();
		assertThat(scan.header("X-Request-Id")).matches("[0-9a-f]{32}");
		String session = this.fixtures.scan(world.slug());
		Http.Answer view = this.http.get("/smart-engage/get/session/" + session).apiKey(world.apiKey()).send();
		assertThat(view.status()).isEqualTo(200);
		assertThat(view.header("X-Error-Code")).isNull();
		assertThat(view.header("X-Request-Id")).matches("[0-9a-f]{32}").isNotEqualTo(scan.header("X-Request-Id"));
		// A client's own id is kept when it is a plain token, replaced otherwise.
		assertThat(this.http.get("/actuator/health")
			.header("X-Request-Id", "partner-42.retry:1")
			.send()
			.header("X-Request-Id")).isEqualTo("partner-42.retry:1");
		assertThat(this.http.get("/actuator/health").header("X-Request-Id", "<script>").send().header("X-Request-Id"))
			.matches("[0-9a-f]{32}");
		try (LogCapture log = LogCapture.open()) {
			Http.Answer refused = this.http.get("/actuator/health?%ff").send();
			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.header("X-Error-Code")).isEqualTo("invalid_request");
			assertThat(log.containing("could not be decoded")).singleElement()
				.extracting(LogCapture.Line::requestId)
				.isEqualTo(refused.header("X-Request-Id"));
		}
	}

}
