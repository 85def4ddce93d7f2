package com.smartengage.resilience;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.smartengage.support.DatabaseAvailableExtension;
import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.OwnDatabase;
import com.smartengage.support.ServerProcess;
import com.smartengage.support.TcpProxy;
import com.smartengage.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stops under load and starts again. The packaged server, in a process of its
 * own, reaches its database through a TCP proxy of the test's; cutting the proxy closes
 * every database connection and refuses new ones, as a stopped PostgreSQL does. Six
 * clients keep scanning, updating statuses and reading sessions throughout. While the
 * database is gone every answer comes within 2 s and is the contract's 500 (the partner
 * API's {@code error_msg} body, the shoppers' error page on the scan), a burst of 40
 * requests at once is answered as fast, the server's thread count stays bounded, and
 * health is DOWN. Once the proxy is back the server serves again, without a restart,
 * within 10 s. PostgreSQL only: the H2 file lives inside the server's own process.
 */
@ExtendWith(DatabaseAvailableExtension.class)
class DatabaseOutageIntegrationTests {

	private static final String INTERNAL = "{\"error_msg\":\"Internal error occured, please check with our team\"}";

	private static final int CLIENTS = 6;

	private static final int BURST = 40;

	private static final Duration FAST = Duration.ofSeconds(2);

	private static final Duration RECOVERY = Duration.ofSeconds(10);

	private static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Mobile/15E148";

	private final HttpClient client = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@Test
	void failsFastDuringAnOutageAndServesAgainWithoutARestart() throws Exception {
		Assumptions.assumeTrue(TestDatabase.isPostgres(), "the outage is of a PostgreSQL server");
		try (OwnDatabase database = OwnDatabase.create("se_outage");
				TcpProxy proxy = TcpProxy.start("127.0.0.1", 5432)) {
			List<String> arguments = new ArrayList<>(ServerProcess.database(database.urlThrough(proxy.port()),
					database.username(), database.password()));
			arguments.add("--smart-engage.rate-limit.scan-enabled=false");
			arguments.add("--smart-engage.rate-limit.partner-api-enabled=false");
			try (ServerProcess server = ServerProcess.start("outage-" + TestDatabase.KIND, 0,
					IntegrationTest.ADMIN_TOKEN, arguments)) {
				server.awaitHealthy(Duration.ofSeconds(120));
				String base = "http://127.0.0.1:" + server.port();
				Fixtures fixtures = new Fixtures(new Http(server.port()));
				Fixtures.World world = fixtures.world(1);
				List<String> sessions = new ArrayList<>();
				for (int i = 0; i < 20; i++) {
					sessions.add(fixtures.scan(world.slug()));
				}

				Timeline timeline = new Timeline();
				ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
				AtomicBoolean running = new AtomicBoolean(true);
				ExecutorService load = Executors.newFixedThreadPool(CLIENTS);
				for (int i = 0; i < CLIENTS; i++) {
					int client = i;
					load.submit(() -> drive(base, world, sessions, client, running, timeline, calls));
				}
				Thread.sleep(3_000);
				int threadsBefore = server.threads();
				assertThat(health(base)).as("health before the outage").isEqualTo(200);

				timeline.cutAt = System.nanoTime();
				proxy.cut();
				long healthDownAfter = -1;
				int maxThreads = threadsBefore;
				List<Call> burst = List.of();
				while (System.nanoTime() - timeline.cutAt < Duration.ofSeconds(8).toNanos()) {
					if (healthDownAfter < 0 && health(base) == 503) {
						healthDownAfter = millisSince(timeline.cutAt);
					}
					if (burst.isEmpty() && millisSince(timeline.cutAt) > 4_000) {
						burst = burst(base, world, sessions);
					}
					maxThreads = Math.max(maxThreads, server.threads());
					Thread.sleep(200);
				}
				int threadsInOutage = server.threads();

				timeline.restoredAt = System.nanoTime();
				proxy.restore();
				long healthUpAfter = -1;
				while (healthUpAfter < 0 && System.nanoTime() - timeline.restoredAt < RECOVERY.toNanos()) {
					if (health(base) == 200) {
						healthUpAfter = millisSince(timeline.restoredAt);
					}
					else {
						Thread.sleep(100);
					}
				}
				Thread.sleep(4_000);
				running.set(false);
				load.shutdown();
				assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
				int threadsAfter = server.threads();

				List<Call> all = new ArrayList<>(calls);
				List<Call> during = all.stream().filter((c) -> timeline.during(c)).toList();
				List<Call> healthyBefore = all.stream().filter((c) -> c.endedAt() < timeline.cutAt).toList();
				long firstServedAfter = all.stream()
					.filter((c) -> c.startedAt() > timeline.restoredAt && c.ok())
					.mapToLong((c) -> (c.endedAt() - timeline.restoredAt) / 1_000_000)
					.min()
					.orElse(-1);
				long settled = timeline.restoredAt + Duration.ofMillis(Math.max(firstServedAfter, 0) + 1_000).toNanos();
				List<Call> afterRecovery = all.stream().filter((c) -> c.startedAt() > settled).toList();

				assertThat(healthyBefore).as("calls before the outage").isNotEmpty().allMatch(Call::ok);
				assertThat(during).as("calls during the outage").hasSizeGreaterThanOrEqualTo(CLIENTS);
				for (Call call : during) {
					assertThat(call.millis()).as("answered within 2 s: " + call).isLessThanOrEqualTo(FAST.toMillis());
					assertThat(call.contract500()).as("the contract's 500: " + call).isTrue();
				}
				assertThat(burst).as("the burst").hasSize(BURST).allSatisfy((call) -> {
					assertThat(call.millis()).as(call.toString()).isLessThanOrEqualTo(FAST.toMillis());
					assertThat(call.contract500()).as(call.toString()).isTrue();
				});
				assertThat(maxThreads).as("server threads during the outage (before: " + threadsBefore + ")")
					.isLessThanOrEqualTo(threadsBefore + BURST + 20);
				assertThat(healthDownAfter).as("health DOWN during the outage").isBetween(0L, 8_000L);
				assertThat(healthUpAfter).as("health UP again within 10 s").isBetween(0L, RECOVERY.toMillis());
				assertThat(firstServedAfter).as("first success within 10 s of the restore")
					.isBetween(0L, RECOVERY.toMillis());
				assertThat(afterRecovery).as("calls once recovered").isNotEmpty().allMatch(Call::ok);
				assertThat(server.isAlive()).isTrue();

				Map<String, Long> outageAnswers = during.stream()
					.collect(Collectors.groupingBy((c) -> c.kind() + " " + c.status(), Collectors.counting()));
				System.out.printf(Locale.ROOT,
						"DatabaseOutageIntegrationTests [%s]: %d clients; %d calls in all, %d before the outage "
								+ "(all served), %d during the 8 s outage %s, slowest %d ms, plus a burst of %d at "
								+ "once, slowest %d ms; health DOWN %d ms after the cut; server threads %d before, "
								+ "at most %d during, %d at the end of the outage, %d after; after the restore "
								+ "health UP in %d ms, first call served in %d ms, %d calls after that all served%n",
						TestDatabase.KIND, CLIENTS, all.size(), healthyBefore.size(), during.size(), outageAnswers,
						during.stream().mapToLong(Call::millis).max().orElse(0), BURST,
						burst.stream().mapToLong(Call::millis).max().orElse(0), healthDownAfter, threadsBefore,
						maxThreads, threadsInOutage, threadsAfter, healthUpAfter, firstServedAfter,
						afterRecovery.size());
			}
		}
	}

	/**
	 * One client: scan, then move the new session on; when the scan fails, read an older
	 * session instead.
	 */
	private void drive(String base, Fixtures.World world, List<String> sessions, int client, AtomicBoolean running,
			Timeline timeline, ConcurrentLinkedQueue<Call> calls) {
		int n = 0;
		while (running.get()) {
			Call scan = call("scan",
					HttpRequest.newBuilder(URI.create(base + "/s/" + world.slug())).header("User-Agent", PHONE).GET());
			calls.add(scan);
			String location = scan.location();
			if (scan.status() == 302 && location != null && location.contains("session_id=")) {
				String session = location.substring(location.indexOf("session_id=") + 11,
						location.indexOf("session_id=") + 47);
				calls.add(call("update",
						HttpRequest.newBuilder(URI.create(base + "/smart-engage/post/update-session-status"))
							.header("API-KEY", world.apiKey())
							.header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofString(
									"{\"session_id\": \"" + session + "\", \"new_status\": \"FORM_SUBMITTED\"}"))));
			}
			else {
				calls.add(view(base, world, sessions.get((client + n++) % sessions.size())));
			}
		}
	}

	/** {@link #BURST} session reads at once. */
	private List<Call> burst(String base, Fixtures.World world, List<String> sessions) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(BURST);
		try {
			List<Future<Call>> futures = new ArrayList<>();
			AtomicInteger i = new AtomicInteger();
			for (int n = 0; n < BURST; n++) {
				futures
					.add(threads.submit(() -> view(base, world, sessions.get(i.getAndIncrement() % sessions.size()))));
			}
			List<Call> calls = new ArrayList<>();
			for (Future<Call> future : futures) {
				calls.add(future.get(30, TimeUnit.SECONDS));
			}
			return calls;
		}
		finally {
			threads.shutdownNow();
		}
	}

	private Call view(String base, Fixtures.World world, String session) {
		return call("view",
				HttpRequest.newBuilder(URI.create(base + "/smart-engage/get/session/" + session))
					.header("API-KEY", world.apiKey())
					.GET());
	}

	private Call call(String kind, HttpRequest.Builder request) {
		long started = System.nanoTime();
		try {
			HttpResponse<String> response = this.client.send(request.timeout(Duration.ofSeconds(20)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Call(kind, started, System.nanoTime(), response.statusCode(),
					response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("Location").orElse(null), response.body());
		}
		catch (Exception ex) {
			return new Call(kind, started, System.nanoTime(), 0, "", null, ex.toString());
		}
	}

	private int health(String base) {
		return call("health", HttpRequest.newBuilder(URI.create(base + "/actuator/health")).GET()).status();
	}

	private static long millisSince(long nanos) {
		return (System.nanoTime() - nanos) / 1_000_000;
	}

	/** When the outage began and ended. */
	private static final class Timeline {

		volatile long cutAt = Long.MAX_VALUE;

		volatile long restoredAt = Long.MAX_VALUE;

		/** A call that began and ended while the database was gone. */
		boolean during(Call call) {
			return call.startedAt() > this.cutAt && call.endedAt() < this.restoredAt;
		}

	}

	/** One request and its answer. */
	private record Call(String kind, long startedAt, long endedAt, int status, String contentType, String location,
			String body) {

		long millis() {
			return (this.endedAt - this.startedAt) / 1_000_000;
		}

		boolean ok() {
			return this.kind.equals("scan") ? this.status == 302 : this.status == 200;
		}

		/**
		 * The contract's 500: the error_msg body on the partner API, the error page on
		 * the scan; never a stack trace.
		 */
		boolean contract500() {
			if (this.status != 500) {
				return false;
			}
			if (this.kind.equals("scan")) {
				return this.contentType.startsWith("text/html") && this.body.contains("Something went wrong")
						&& !this.body.contains("Exception");
			}
			return this.contentType.startsWith("application/json") && this.body.equals(INTERNAL);
		}

		@Override
		public String toString() {
			return this.kind + " " + this.status + " in " + millis() + " ms: "
					+ (this.body.length() > 200 ? this.body.substring(0, 200) : this.body);
		}

	}

}
