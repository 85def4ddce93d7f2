package com.smartengage.journey;

import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.ServerTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PartnerApiFastPath} answers a status update without an {@code Idempotency-Key};
 * with one, the request goes through Spring MVC to the controller. Both must give the
 * same answer to the same request, failures included, since partners send both.
 */
@IntegrationTest
class PartnerApiFastPathIntegrationTests extends ServerTests {

	private static final String UPDATE = "/smart-engage/post/update-session-status";

	Fixtures.World world;

	@BeforeEach
	void setUp() {
		this.world = this.fixtures.world(5);
	}

	@Test
	void updatesAnswerAlikeWithAndWithoutSpringMvc() {
		// Each case gets a fresh session per path, so both paths see the same state.
		assertAlike((session) -> body(session, "FORM_SUBMITTED"), null);
		assertAlike((session) -> body(session, "FORM_APPROVED"), null);
		assertAlike((session) -> body(session, "FORM_SUBMITTED"), "FORM_SUBMITTED");
		assertAlike((session) -> body(session, "FORM_SUBMITTED"), "FORM_REVIEWING");
		assertAlike((session) -> body(session, "NOT_A_STEP"), null);
		assertAlike((session) -> body(session, "FORM_REJECTED"), "FORM_APPROVED");
		String unknown = UUID.randomUUID().toString();
		assertAlike((session) -> body(unknown, "FORM_SUBMITTED"), null);
		assertAlike((session) -> body("not-a-session", "FORM_SUBMITTED"), null);
		assertAlike((session) -> "{\"session_id\": \"" + session + "\"}", null);
		assertAlike((session) -> "{\"session_id\": 7, \"new_status\": \"FORM_SUBMITTED\"}", null);
		assertAlike((session) -> "{\"session_id\": \"" + session + "\", \"new_status\": \"  \"}", null);
		assertAlike((session) -> "[]", null);
		assertAlike((session) -> "", null);
		assertAlike((session) -> "{\"session_id\": ", null);
		assertAlike((session) -> "{\"pad\": \"" + "x".repeat(17_000) + "\"}", null);
	}

	/**
	 * Sends the body made for a new session, once on each path (a new
	 * {@code Idempotency-Key} sends it through the controller), after moving both
	 * sessions to {@code before} when given, and compares the answers.
	 */
	private void assertAlike(Function<String, String> body, String before) {
		String fastSession = this.fixtures.scan(this.world.slug());
		String mvcSession = this.fixtures.scan(this.world.slug());
		if (before != null) {
			assertThat(this.fixtures.updateStatus(this.world.apiKey(), fastSession, before).status()).isEqualTo(200);
			assertThat(this.fixtures.updateStatus(this.world.apiKey(), mvcSession, before).status()).isEqualTo(200);
		}
		Http.Answer fast = this.http.post(UPDATE).apiKey(this.world.apiKey()).body(body.apply(fastSession)).send();
		Http.Answer mvc = this.http.post(UPDATE)
			.apiKey(this.world.apiKey())
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.body(body.apply(mvcSession))
			.send();
		String label = body.apply("<session>");
		assertThat(fast.status()).as(label).isEqualTo(mvc.status());
		assertThat(fast.header("Content-Type")).as(label).isEqualTo(mvc.header("Content-Type"));
		assertThat(fast.body().replace(fastSession, "<session>")).as(label)
			.isEqualTo(mvc.body().replace(mvcSession, "<session>"));
	}

	private static String body(String session, String status) {
		return "{\"session_id\": \"" + session + "\", \"new_status\": \"" + status + "\"}";
	}

}
