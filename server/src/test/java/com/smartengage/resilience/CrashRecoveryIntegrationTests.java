package com.smartengage.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.smartengage.support.DatabaseAvailableExtension;
import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.OwnDatabase;
import com.smartengage.support.ServerProcess;
import com.smartengage.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} under load. Six clients walk shoppers' journeys as fast as the server
 * answers (scan, three status updates, the coupon issue) against the packaged server in a
 * process of its own; after a few seconds the process gets SIGKILL. The server is started
 * again on the same database, finishes every interrupted journey, and is stopped; then
 * the database is read directly: every request that was answered with success is there,
 * no session holds two coupons, no code went to two sessions, and every session's row
 * agrees with its events (nothing half-written).
 */
@ExtendWith(DatabaseAvailableExtension.class)
class CrashRecoveryIntegrationTests {

	private static final int CLIENTS = 6;

	private static final Duration LOAD = Duration.ofSeconds(Long.getLong("crash.load-seconds", 5));

	private static final List<String> STEPS = List.of("FORM_SUBMITTED", "FORM_REVIEWING", "FORM_APPROVED");

	private static final String ISSUED = "COUPON_ISSUED";

	@Test
	void keepsEveryAcknowledgedWriteThroughAKillDashNine() throws Exception {
		try (OwnDatabase database = OwnDatabase.create("se_crash")) {
			Acks acks = new Acks();
			Fixtures.World world;
			long killedAfterMillis;
			int killExit;
			double restartSeconds;
			int finished;
			try (ServerProcess first = start(database, "1")) {
				first.awaitHealthy(Duration.ofSeconds(120));
				Fixtures fixtures = new Fixtures(new Http(first.port()));
				world = fixtures.world(CLIENTS * 2_000);

				ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
				AtomicBoolean serverKilled = new AtomicBoolean();
				long loadStarted = System.nanoTime();
				for (int i = 0; i < CLIENTS; i++) {
					clients.submit(() -> walkJourneys(fixtures, world, acks, serverKilled));
				}
				Thread.sleep(LOAD.toMillis());
				serverKilled.set(true);
				killExit = first.kill();
				killedAfterMillis = (System.nanoTime() - loadStarted) / 1_000_000;
				clients.shutdown();
				assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).as("clients stopped").isTrue();
			}
			assertThat(killExit).as("exit code of a process ended by SIGKILL (128 + 9)").isEqualTo(137);
			String acknowledgedAtKill = acks.scans.size() + " scans, " + acks.updates.size() + " status updates, "
					+ acks.coupons.size() + " coupon issues";
			long acknowledged = acks.acknowledged();
			assertThat(acks.unexpected).as("answers other than success before the kill").isEmpty();
			assertThat(acks.coupons).as("coupons issued under load").isNotEmpty();

			try (ServerProcess second = start(database, "2")) {
				restartSeconds = second.awaitHealthy(Duration.ofSeconds(120));
				finished = finishJourneys(new Fixtures(new Http(second.port())), world, acks);
				second.terminate();
				second.awaitExit(Duration.ofSeconds(60));
			}

			Verified verified = verify(database.jdbc(), world, acks);
			System.out.printf(
					"CrashRecoveryIntegrationTests [%s]: %d clients, SIGKILL after %d ms of load (exit %d); "
							+ "sent %d requests (%d scans, %d status updates, %d coupon issues), %d answered with "
							+ "success (%s), %d in flight at the kill; restarted healthy in %.1f s; %d "
							+ "interrupted journeys finished after the restart; verified in the database: every "
							+ "acknowledged write of both runs (%d), %d sessions, %d coupons, %d sessions of scans in "
							+ "flight at the kill; 0 lost, 0 doubled, 0 half-written%n",
					TestDatabase.KIND, CLIENTS, killedAfterMillis, killExit, acks.sent.get(), acks.scansSent.get(),
					acks.updatesSent.get(), acks.engagesSent.get(), acknowledged, acknowledgedAtKill,
					acks.inFlight.get(), restartSeconds, finished, acks.acknowledged(), verified.sessions(),
					verified.coupons(), verified.unacknowledgedScans());
		}
	}

	private static ServerProcess start(OwnDatabase database, String run) {
		List<String> arguments = new ArrayList<>(database.serverArguments());
		// The load comes from one address with one key: the rate limits are not under
		// test.
		arguments.add("--smart-engage.rate-limit.scan-enabled=false");
		arguments.add("--smart-engage.rate-limit.partner-api-enabled=false");
		return ServerProcess.start("crash-" + TestDatabase.KIND + "-" + run, 0, IntegrationTest.ADMIN_TOKEN, arguments);
	}

	/**
	 * One client: scan, walk the steps, issue the coupon, again, until the server is
	 * gone.
	 */
	private static void walkJourneys(Fixtures fixtures, Fixtures.World world, Acks acks, AtomicBoolean serverKilled) {
		while (true) {
			String session;
			acks.sent.incrementAndGet();
			acks.scansSent.incrementAndGet();
			try {
				session = fixtures.scan(world.slug());
			}
			catch (RuntimeException | AssertionError ex) {
				acks.failed(serverKilled, "scan", ex);
				return;
			}
			acks.scans.add(session);
			for (String step : STEPS) {
				if (!send(acks, serverKilled, "update " + session + " " + step, () -> {
					acks.updatesSent.incrementAndGet();
					return fixtures.updateStatus(world.apiKey(), session, step);
				}, (answer) -> acks.updates.add(session + " " + step))) {
					return;
				}
			}
			if (!send(acks, serverKilled, "engage " + session, () -> {
				acks.engagesSent.incrementAndGet();
				return fixtures.engage(world.apiKey(), session);
			}, (answer) -> acks.coupons.put(session, answer.json().get("coupon_code").asString()))) {
				return;
			}
		}
	}

	/** Sends one call; false when the client must stop (the server is gone). */
	private static boolean send(Acks acks, AtomicBoolean serverKilled, String what, Supplier<Http.Answer> call,
			Consumer<Http.Answer> onSuccess) {
		acks.sent.incrementAndGet();
		Http.Answer answer;
		try {
			answer = call.get();
		}
		catch (RuntimeException ex) {
			acks.failed(serverKilled, what, ex);
			return false;
		}
		if (answer.status() != 200) {
			acks.unexpected.add(what + " -> " + answer);
			return false;
		}
		onSuccess.accept(answer);
		return true;
	}

	/**
	 * After the restart: every journey the kill interrupted is walked to its end and
	 * given its coupon. A step or coupon that the kill's in-flight request already wrote
	 * answers "already"; nothing may answer otherwise.
	 */
	private static int finishJourneys(Fixtures fixtures, Fixtures.World world, Acks acks) {
		int finished = 0;
		for (String session : acks.scans) {
			if (acks.coupons.containsKey(session)) {
				continue;
			}
			finished++;
			for (String step : STEPS) {
				if (acks.updates.contains(session + " " + step)) {
					continue;
				}
				Http.Answer answer = fixtures.updateStatus(world.apiKey(), session, step);
				if (answer.status() == 200) {
					acks.updates.add(session + " " + step);
				}
				else {
					assertThat(answer.errorMsg()).as(answer.toString())
						.isEqualTo("Action already completed for session_id: " + session);
				}
			}
			Http.Answer coupon = fixtures.engage(world.apiKey(), session);
			if (coupon.status() == 200) {
				acks.coupons.put(session, coupon.json().get("coupon_code").asString());
			}
			else {
				assertThat(coupon.errorMsg()).as(coupon.toString())
					.isEqualTo("A coupon was already issued for session_id " + session);
			}
		}
		return finished;
	}

	/** Reads the database behind the server's back and checks every rule. */
	private static Verified verify(JdbcClient jdbc, Fixtures.World world, Acks acks) {
		Map<String, Row> sessions = new HashMap<>();
		jdbc.sql("""
				SELECT id, status, step_index, ended, rewarded_at, coupon_issued_at FROM journey_session
				WHERE campaign_id = :campaign
				""").param("campaign", world.campaignId()).query((rs) -> {
			sessions.put(rs.getString("id"),
					new Row(rs.getString("status"), rs.getInt("step_index"), rs.getBoolean("ended"),
							rs.getObject("rewarded_at") != null, rs.getObject("coupon_issued_at") != null));
		});
		Map<String, List<String>> events = new HashMap<>();
		jdbc.sql("SELECT session_id, step FROM journey_event WHERE campaign_id = :campaign ORDER BY id")
			.param("campaign", world.campaignId())
			.query((rs) -> {
				events.computeIfAbsent(rs.getString("session_id"), (k) -> new ArrayList<>()).add(rs.getString("step"));
			});
		Map<String, String> couponBySession = new HashMap<>();
		Set<String> codes = new HashSet<>();
		List<String> problems = new ArrayList<>();
		jdbc.sql("SELECT code, session_id, token, issued_at FROM coupon WHERE campaign_id = :campaign "
				+ "AND session_id IS NOT NULL")
			.param("campaign", world.campaignId())
			.query((rs) -> {
				String session = rs.getString("session_id");
				String code = rs.getString("code");
				if (couponBySession.put(session, code) != null) {
					problems.add("session " + session + " holds two coupons");
				}
				if (!codes.add(code)) {
					problems.add("code " + code + " given twice");
				}
				if (rs.getString("token") == null || rs.getObject("issued_at") == null) {
					problems.add("coupon " + code + " claimed but not fully issued");
				}
			});

		for (String session : acks.scans) {
			if (!sessions.containsKey(session)) {
				problems.add("acknowledged scan lost: " + session);
			}
		}
		for (String update : acks.updates) {
			String[] parts = update.split(" ");
			if (!events.getOrDefault(parts[0], List.of()).contains(parts[1])) {
				problems.add("acknowledged status update lost: " + update);
			}
		}
		acks.coupons.forEach((session, code) -> {
			if (!code.equals(couponBySession.get(session))) {
				problems.add("acknowledged coupon " + code + " of " + session + " not in the database (found "
						+ couponBySession.get(session) + ")");
			}
		});
		int[] unacknowledgedScans = { 0 };
		sessions.forEach((id, row) -> {
			List<String> steps = events.getOrDefault(id, List.of());
			List<String> expected = new ArrayList<>();
			expected.add("SCANNED");
			expected.addAll(STEPS.subList(0, row.stepIndex()));
			boolean coupon = couponBySession.containsKey(id);
			if (coupon) {
				expected.add(ISSUED);
			}
			if (!steps.equals(expected)) {
				problems.add("session " + id + " at step " + row.stepIndex() + " (coupon " + coupon + ") has events "
						+ steps);
			}
			String status = row.stepIndex() == 0 ? "SCANNED" : STEPS.get(row.stepIndex() - 1);
			if (!row.status().equals(status) || row.ended() != (row.stepIndex() == STEPS.size())
					|| row.rewarded() != (row.stepIndex() == STEPS.size()) || row.couponIssued() != coupon) {
				problems.add("session " + id + " half-written: " + row + ", coupon row " + coupon);
			}
			if (!coupon && acks.scans.contains(id)) {
				problems.add("session " + id + " has no coupon after the restart finished every journey");
			}
			else if (!coupon) {
				// A scan in flight at the kill that committed: it was never acknowledged,
				// so
				// no client walks it on; it must be untouched.
				unacknowledgedScans[0]++;
				if (row.stepIndex() != 0) {
					problems.add("session " + id + " that no one acknowledged moved on: " + row);
				}
			}
		});
		if (unacknowledgedScans[0] > acks.inFlight.get()) {
			problems.add(unacknowledgedScans[0] + " sessions no scan was answered for, more than the "
					+ acks.inFlight.get() + " requests in flight at the kill");
		}
		assertThat(problems).as("problems found in the database").isEmpty();
		return new Verified(sessions.size(), couponBySession.size(), unacknowledgedScans[0]);
	}

	private record Row(String status, int stepIndex, boolean ended, boolean rewarded, boolean couponIssued) {
	}

	private record Verified(int sessions, int coupons, int unacknowledgedScans) {
	}

	/** What the clients sent and what the server acknowledged. */
	private static final class Acks {

		final AtomicLong sent = new AtomicLong();

		final AtomicLong scansSent = new AtomicLong();

		final AtomicLong updatesSent = new AtomicLong();

		final AtomicLong engagesSent = new AtomicLong();

		final AtomicLong inFlight = new AtomicLong();

		/** Sessions whose scan was answered with a redirect. */
		final Set<String> scans = ConcurrentHashMap.newKeySet();

		/** "session step" of every status update answered 200. */
		final Set<String> updates = ConcurrentHashMap.newKeySet();

		/** Coupon codes answered 200, by session. */
		final Map<String, String> coupons = new ConcurrentHashMap<>();

		final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();

		long acknowledged() {
			return this.scans.size() + this.updates.size() + this.coupons.size();
		}

		/**
		 * A call that got no answer: the kill's in-flight request, or a failure before
		 * it.
		 */
		void failed(AtomicBoolean serverKilled, String what, Throwable ex) {
			if (serverKilled.get()) {
				this.inFlight.incrementAndGet();
			}
			else {
				this.unexpected.add(what + " failed before the kill: " + ex);
			}
		}

	}

}
