package com.smartengage.resilience;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.SecondInstance;
import com.smartengage.support.ServerTests;
import com.smartengage.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that race on one session or on one coupon pool, released together through a
 * start gate so that they really overlap: the database, not luck, must decide who wins.
 * The same races run against two server instances sharing one PostgreSQL.
 */
@IntegrationTest
class ConcurrencyIntegrationTests extends ServerTests {

	private static final int STATUS_RACERS = 20;

	private static final int POOL = 10;

	private static final int SESSIONS = 25;

	private static final int CALLS_PER_SESSION = 2;

	private static final int STEP_RACE_SESSIONS = 10;

	/**
	 * The second instance of the multi-instance tests; started on first use, closed after
	 * the class.
	 */
	private static ConfigurableApplicationContext secondInstance;

	@Autowired
	JdbcClient jdbc;

	@AfterAll
	static void closeSecondInstance() {
		if (secondInstance != null) {
			secondInstance.close();
			secondInstance = null;
		}
	}

	@Test
	void letsOneOfTwentyIdenticalStatusUpdatesWin() {
		statusRace(List.of(this.fixtures));
	}

	@Test
	void issuesEachCouponOnceWhenFiftyCallsRaceForTenCodes() {
		engageRace(List.of(this.fixtures));
	}

	@Test
	void letsOneOfTwentyIdenticalStatusUpdatesWinAcrossTwoInstances() {
		statusRace(List.of(this.fixtures, new Fixtures(new Http(secondPort()))));
	}

	@Test
	void issuesEachCouponOnceWhenFiftyCallsRaceForTenCodesAcrossTwoInstances() {
		engageRace(List.of(this.fixtures, new Fixtures(new Http(secondPort()))));
	}

	@Test
	void movesSessionsOnlyForwardWhenDifferentStepsRace() {
		stepRace(List.of(this.fixtures));
	}

	@Test
	void movesSessionsOnlyForwardWhenDifferentStepsRaceAcrossTwoInstances() {
		stepRace(List.of(this.fixtures, new Fixtures(new Http(secondPort()))));
	}

	/**
	 * Every step of the flow, twice each, for each of ten sessions, all at once over the
	 * given servers. A step may win only while the session has not passed it, so the
	 * winners of a session are its steps in increasing order of arrival; its events must
	 * then climb the flow without a step back or a step twice, the last step always wins
	 * exactly once, and the session ends there.
	 */
	private void stepRace(List<Fixtures> servers) {
		List<String> steps = List.of("FORM_SUBMITTED", "FORM_REVIEWING", "FORM_APPROVED");
		Fixtures.World world = this.fixtures.world(1);
		List<String> sessions = new ArrayList<>();
		for (int i = 0; i < STEP_RACE_SESSIONS; i++) {
			sessions.add(this.fixtures.scan(world.slug()));
		}
		warmUp(servers, world.apiKey(), sessions.get(0));
		List<String[]> calls = new ArrayList<>();
		for (String session : sessions) {
			for (String step : steps) {
				calls.add(new String[] { session, step });
				calls.add(new String[] { session, step });
			}
		}
		Collections.shuffle(calls, new Random(7));

		List<Http.Answer> answers = race(calls.size(),
				(i) -> servers.get(i % servers.size()).updateStatus(world.apiKey(), calls.get(i)[0], calls.get(i)[1]));

		for (String session : sessions) {
			List<String> won = new ArrayList<>();
			for (int i = 0; i < calls.size(); i++) {
				if (!calls.get(i)[0].equals(session)) {
					continue;
				}
				Http.Answer answer = answers.get(i);
				if (answer.status() == 200) {
					won.add(calls.get(i)[1]);
				}
				else {
					assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
					assertThat(answer.errorMsg()).isEqualTo("Action already completed for session_id: " + session);
				}
			}
			List<String> events = this.jdbc
				.sql("SELECT step FROM journey_event WHERE session_id = :id AND step <> 'SCANNED' ORDER BY id")
				.param("id", UUID.fromString(session))
				.query(String.class)
				.list();
			assertThat(events).as("events of " + session)
				.doesNotHaveDuplicates()
				.containsExactlyInAnyOrderElementsOf(won);
			assertThat(events.stream().map(steps::indexOf).toList()).as("events of " + session + " climb the flow")
				.isSorted();
			assertThat(events).as("the last step always wins, once").endsWith("FORM_APPROVED");
			assertThat(this.jdbc.sql("SELECT status FROM journey_session WHERE id = :id AND ended = TRUE")
				.param("id", UUID.fromString(session))
				.query(String.class)
				.single()).isEqualTo("FORM_APPROVED");
		}
	}

	/**
	 * Twenty copies of one update, spread over the given servers: one 200, nineteen
	 * "already completed".
	 */
	private void statusRace(List<Fixtures> servers) {
		Fixtures.World world = this.fixtures.world(1);
		String session = this.fixtures.scan(world.slug());
		warmUp(servers, world.apiKey(), session);

		List<Http.Answer> answers = race(STATUS_RACERS,
				(i) -> servers.get(i % servers.size()).updateStatus(world.apiKey(), session, "FORM_REVIEWING"));

		List<Http.Answer> won = answers.stream().filter((a) -> a.status() == 200).toList();
		List<Http.Answer> lost = answers.stream().filter((a) -> a.status() != 200).toList();
		assertThat(won).as(answers.toString()).hasSize(1);
		assertThat(won.get(0).body()).isEqualTo("{\"message\":\"Status updated successfully\"}");
		assertThat(lost).as(answers.toString()).hasSize(STATUS_RACERS - 1).allSatisfy((answer) -> {
			assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
			assertThat(answer.errorMsg()).isEqualTo("Action already completed for session_id: " + session);
		});
		UUID id = UUID.fromString(session);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM journey_event WHERE session_id = :id AND step = :step")
			.param("id", id)
			.param("step", "FORM_REVIEWING")
			.query(Long.class)
			.single()).isEqualTo(1L);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM journey_event WHERE session_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).as("SCANNED and FORM_REVIEWING only").isEqualTo(2L);
		assertThat(this.jdbc.sql("SELECT status FROM journey_session WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("FORM_REVIEWING");
	}

	/**
	 * Two calls for each of 25 approved sessions, all at once, against a pool of 10
	 * codes: ten coupons go out, to ten different sessions, with ten different codes;
	 * everyone else hears "sold out" or "already issued".
	 */
	private void engageRace(List<Fixtures> servers) {
		Fixtures.World world = this.fixtures.world(POOL);
		List<String> sessions = new ArrayList<>();
		for (int i = 0; i < SESSIONS; i++) {
			sessions.add(this.fixtures.approvedSession(world));
		}
		warmUp(servers, world.apiKey(), sessions.get(0));
		List<String> calls = new ArrayList<>();
		for (int i = 0; i < CALLS_PER_SESSION; i++) {
			calls.addAll(sessions);
		}
		Collections.shuffle(calls, new Random(42));

		List<Http.Answer> answers = race(calls.size(),
				(i) -> servers.get(i % servers.size()).engage(world.apiKey(), calls.get(i)));

		List<Http.Answer> issued = answers.stream().filter((a) -> a.status() == 200).toList();
		assertThat(issued).as(answers.toString()).hasSize(POOL);
		List<String> codes = issued.stream().map((a) -> a.json().get("coupon_code").asString()).toList();
		List<String> winners = issued.stream().map((a) -> a.json().get("session_id").asString()).toList();
		assertThat(codes).doesNotHaveDuplicates();
		assertThat(winners).doesNotHaveDuplicates();
		String soldOut = "No coupons are left for campaign " + world.campaignId() + "; the pool is used up";
		for (int i = 0; i < answers.size(); i++) {
			Http.Answer answer = answers.get(i);
			if (answer.status() == 200) {
				assertThat(answer.json().get("session_id").asString()).isEqualTo(calls.get(i));
				continue;
			}
			assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
			assertThat(answer.errorMsg()).isIn(soldOut, "A coupon was already issued for session_id " + calls.get(i));
		}

		List<Claimed> claimed = this.jdbc
			.sql("SELECT session_id, code FROM coupon WHERE campaign_id = :campaign AND session_id IS NOT NULL")
			.param("campaign", world.campaignId())
			.query((rs, row) -> new Claimed(rs.getObject("session_id", UUID.class).toString(), rs.getString("code")))
			.list();
		assertThat(claimed).hasSize(POOL);
		assertThat(claimed.stream().map(Claimed::session).toList()).doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(winners);
		assertThat(claimed.stream().map(Claimed::code).toList()).containsExactlyInAnyOrderElementsOf(codes);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM journey_session WHERE campaign_id = :campaign AND coupon_issued_at IS NOT NULL")
			.param("campaign", world.campaignId())
			.query(Long.class)
			.single()).as("sessions marked as holding a coupon").isEqualTo((long) POOL);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM journey_event WHERE campaign_id = :campaign AND step = 'COUPON_ISSUED'")
			.param("campaign", world.campaignId())
			.query(Long.class)
			.single()).isEqualTo((long) POOL);
		Set<String> losers = new HashSet<>(sessions);
		winners.forEach(losers::remove);
		assertThat(losers).hasSize(SESSIONS - POOL);
		for (String loser : losers) {
			assertThat(this.fixtures.engage(world.apiKey(), loser).errorMsg()).isEqualTo(soldOut);
		}
	}

	/**
	 * Authenticates the key on every server first, so that the race is about the session
	 * and the pool, not about filling each instance's key cache.
	 */
	private static void warmUp(List<Fixtures> servers, String apiKey, String session) {
		for (Fixtures server : servers) {
			assertThat(server.updateStatus(apiKey, session, "NOT_A_STEP").status()).isEqualTo(400);
		}
	}

	/**
	 * Runs {@code count} calls on as many threads, released at once; answers in call
	 * order.
	 */
	private static List<Http.Answer> race(int count, IntFunction<Http.Answer> call) {
		ExecutorService threads = Executors.newFixedThreadPool(count);
		try {
			CountDownLatch ready = new CountDownLatch(count);
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Http.Answer>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int n = i;
				futures.add(threads.submit(() -> {
					ready.countDown();
					start.await();
					return call.apply(n);
				}));
			}
			assertThat(ready.await(30, TimeUnit.SECONDS)).as("all threads ready").isTrue();
			start.countDown();
			List<Http.Answer> answers = new ArrayList<>();
			for (Future<Http.Answer> future : futures) {
				answers.add(future.get(60, TimeUnit.SECONDS));
			}
			return answers;
		}
		catch (Exception ex) {
			throw new IllegalStateException("The race did not finish: " + ex, ex);
		}
		finally {
			threads.shutdownNow();
		}
	}

	/**
	 * The port of a second server on this run's PostgreSQL database. Two processes cannot
	 * share an H2 file, so on H2 the test is skipped.
	 */
	private static synchronized int secondPort() {
		Assumptions.assumeTrue(TestDatabase.isPostgres(), "two instances need a shared PostgreSQL");
		if (secondInstance == null) {
			secondInstance = SecondInstance.start("--spring.datasource.hikari.pool-name=smart-engage-second",
					"--spring.datasource.hikari.maximum-pool-size=20");
		}
		return SecondInstance.port(secondInstance);
	}

	private record Claimed(String session, String code) {
	}

}
