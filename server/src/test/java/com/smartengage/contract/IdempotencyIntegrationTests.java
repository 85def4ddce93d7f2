package com.smartengage.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
 * The optional {@code Idempotency-Key} header: a retry under the same key replays the
 * first success instead of the contract's "already" answers; without the header nothing
 * changes.
 */
@IntegrationTest
class IdempotencyIntegrationTests extends ServerTests {

	static final String HEADER = "Idempotency-Key";

	Fixtures.World world;

	@BeforeEach
	void setUp() {
		this.world = this.fixtures.world(5);
	}

	@Test
	void engageRetriedWithTheSameKeyReplaysTheFirstAnswer() {
		String session = this.fixtures.approvedSession(this.world);
		String key = newKey();

		Http.Answer first = engage(this.world.apiKey(), session, key);
		Http.Answer retry = engage(this.world.apiKey(), session, key);
		Http.Answer again = engage(this.world.apiKey(), session, key);

		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(first.json().get("message").asString()).isEqualTo("success");
		assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(retry.header("Content-Type")).startsWith("application/json");
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(this.fixtures.couponsIssued(this.world.campaignId())).isEqualTo(1);
	}

	@Test
	void engageWithoutTheHeaderKeepsTheContractsAnswerOnTheSecondCall() {
		String session = this.fixtures.approvedSession(this.world);
		String key = newKey();
		assertThat(engage(this.world.apiKey(), session, key).status()).isEqualTo(200);

		assertError(this.fixtures.engage(this.world.apiKey(), session), 400,
				"A coupon was already issued for session_id " + session);
		assertError(engage(this.world.apiKey(), session, newKey()), 400,
				"A coupon was already issued for session_id " + session);
	}

	@Test
	void engageWithAKeyUsedForAnotherSessionIsRefused() {
		String first = this.fixtures.approvedSession(this.world);
		String second = this.fixtures.approvedSession(this.world);
		String key = newKey();
		assertThat(engage(this.world.apiKey(), first, key).status()).isEqualTo(200);

		assertError(engage(this.world.apiKey(), second, key), 400,
				HEADER + " " + key + " was already used with a different request; use a new key for a new request");
		assertThat(this.fixtures.couponsIssued(this.world.campaignId())).isEqualTo(1);
		assertThat(engage(this.world.apiKey(), second, newKey()).status()).isEqualTo(200);
	}

	@Test
	void aKeyUsedForAnUpdateCannotBeReusedForAnEngage() {
		String session = this.fixtures.scan(this.world.slug());
		String key = newKey();
		assertThat(update(this.world.apiKey(), session, "FORM_APPROVED", key).body()).isEqualTo(UPDATED);

		assertError(engage(this.world.apiKey(), session, key), 400,
				HEADER + " " + key + " was already used with a different request; use a new key for a new request");
		assertThat(this.fixtures.couponsIssued(this.world.campaignId())).isZero();
	}

	@Test
	void theSameKeyOfTwoPartnersIsIndependent() {
		Fixtures.World other = this.fixtures.world(5);
		String mine = this.fixtures.approvedSession(this.world);
		String theirs = this.fixtures.approvedSession(other);
		String key = newKey();

		Http.Answer myAnswer = engage(this.world.apiKey(), mine, key);
		Http.Answer theirAnswer = engage(other.apiKey(), theirs, key);

		assertThat(myAnswer.status()).as(myAnswer.toString()).isEqualTo(200);
		assertThat(theirAnswer.status()).as(theirAnswer.toString()).isEqualTo(200);
		assertThat(theirAnswer.json().get("session_id").asString()).isEqualTo(theirs);
		assertThat(theirAnswer.json().get("coupon_code").asString())
			.isNotEqualTo(myAnswer.json().get("coupon_code").asString());
		assertThat(engage(this.world.apiKey(), mine, key).body()).isEqualTo(myAnswer.body());
		assertThat(engage(other.apiKey(), theirs, key).body()).isEqualTo(theirAnswer.body());
		// Under the other partner's key space the key holds that partner's request, never
		// this one's.
		assertError(engage(other.apiKey(), mine, key), 400,
				HEADER + " " + key + " was already used with a different request; use a new key for a new request");
	}

	@Test
	void updateRetriedWithTheSameKeyReplaysTheFirstAnswer() {
		String session = this.fixtures.scan(this.world.slug());
		String key = newKey();

		Http.Answer first = update(this.world.apiKey(), session, "FORM_REVIEWING", key);
		Http.Answer retry = update(this.world.apiKey(), session, "FORM_REVIEWING", key);

		assertThat(first.status()).isEqualTo(200);
		assertThat(first.body()).isEqualTo(UPDATED);
		assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
		assertThat(retry.body()).isEqualTo(UPDATED);
		assertAlreadyCompleted(this.fixtures.updateStatus(this.world.apiKey(), session, "FORM_REVIEWING"), session);
		assertThat(steps(session)).containsExactly("SCANNED", "FORM_REVIEWING");
	}

	@Test
	void updateWithAKeyUsedForAnotherStatusIsRefused() {
		String session = this.fixtures.scan(this.world.slug());
		String key = newKey();
		assertThat(update(this.world.apiKey(), session, "FORM_SUBMITTED", key).status()).isEqualTo(200);

		assertError(update(this.world.apiKey(), session, "FORM_REVIEWING", key), 400,
				HEADER + " " + key + " was already used with a different request; use a new key for a new request");
		assertThat(steps(session)).containsExactly("SCANNED", "FORM_SUBMITTED");
	}

	@Test
	void aRefusedRequestDoesNotUseUpItsKey() {
		String session = this.fixtures.scan(this.world.slug());
		String key = newKey();
		assertThat(engage(this.world.apiKey(), session, key).status()).isEqualTo(400);
		assertThat(this.fixtures.updateStatus(this.world.apiKey(), session, "FORM_APPROVED").status()).isEqualTo(200);

		Http.Answer retry = engage(this.world.apiKey(), session, key);

		assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
		assertThat(retry.json().get("message").asString()).isEqualTo("success");
	}

	@Test
	void aKeyMustBeVisibleAsciiOfSaneLength() {
		String session = this.fixtures.approvedSession(this.world);
		String sentence = HEADER + " must be 1 to 200 visible ASCII characters";

		assertError(engage(this.world.apiKey(), session, "two words"), 400, sentence);
		assertError(engage(this.world.apiKey(), session, "k".repeat(201)), 400, sentence);
		assertThat(this.fixtures.couponsIssued(this.world.campaignId())).isZero();
		assertThat(engage(this.world.apiKey(), session, "k".repeat(200)).status()).isEqualTo(200);
	}

	@Test
	void aKeyDoesNotWeakenAuthentication() {
		String session = this.fixtures.approvedSession(this.world);
		String key = newKey();
		assertThat(engage(this.world.apiKey(), session, key).status()).isEqualTo(200);

		Http.Answer replayWithoutKey = this.http.post("/smart-engage/post/engage-v3/" + session)
			.header(HEADER, key)
			.send();

		assertThat(replayWithoutKey.status()).isEqualTo(401);
		assertThat(replayWithoutKey.body()).isEqualTo(INVALID_KEY);
	}

	@Test
	void concurrentRetriesUnderOneKeyAllGetTheOneCoupon() throws Exception {
		String session = this.fixtures.approvedSession(this.world);
		String key = newKey();
		int callers = 8;
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Http.Answer>> calls = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				calls.add(pool.submit(() -> {
					start.await();
					return engage(this.world.apiKey(), session, key);
				}));
			}
			start.countDown();
			List<Http.Answer> answers = new ArrayList<>();
			for (Future<Http.Answer> call : calls) {
				answers.add(call.get());
			}

			String first = answers.get(0).body();
			for (Http.Answer answer : answers) {
				assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
				assertThat(answer.body()).isEqualTo(first);
			}
			assertThat(this.fixtures.couponsIssued(this.world.campaignId())).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private Http.Answer engage(String apiKey, String sessionId, String idempotencyKey) {
		return this.http.post("/smart-engage/post/engage-v3/" + sessionId)
			.apiKey(apiKey)
			.header(HEADER, idempotencyKey)
			.header("Content-Type", "application/json")
			.send();
	}

	private Http.Answer update(String apiKey, String sessionId, String newStatus, String idempotencyKey) {
		return this.http.post("/smart-engage/post/update-session-status")
			.apiKey(apiKey)
			.header(HEADER, idempotencyKey)
			.json("{\"session_id\": \"" + sessionId + "\", \"new_status\": \"" + newStatus + "\"}")
			.send();
	}

	private List<String> steps(String sessionId) {
		return this.http.get("/smart-engage/get/session/" + sessionId)
			.apiKey(this.world.apiKey())
			.send()
			.json()
			.get("steps")
			.valueStream()
			.map((s) -> s.get("step").asString())
			.toList();
	}

	private static String newKey() {
		return "retry-" + UUID.randomUUID();
	}

}
