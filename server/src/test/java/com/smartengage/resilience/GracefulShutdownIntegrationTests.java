package com.smartengage.resilience;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.smartengage.support.DatabaseAvailableExtension;
import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.OwnDatabase;
import com.smartengage.support.RawHttp;
import com.smartengage.support.ServerProcess;
import com.smartengage.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM while requests are in flight, as an orchestrator stops a server. Two partner
 * calls are in the middle of their request (their clients are still sending the body)
 * when the packaged server, in a process of its own, gets SIGTERM. Then: new connections
 * are refused at once, a request on an idle kept-alive connection gets a 503, the two
 * calls in flight finish with their normal answers and their changes are in the database,
 * and the process exits with 143 (128 + SIGTERM: the JVM's exit status after a SIGTERM,
 * whatever Spring does in its shutdown hook).
 */
@ExtendWith(DatabaseAvailableExtension.class)
class GracefulShutdownIntegrationTests {

	private static final String UPDATE = "/smart-engage/post/update-session-status";

	@Test
	void finishesRequestsInFlightAndRefusesNewOnesOnSigterm() throws Exception {
		try (OwnDatabase database = OwnDatabase.create("se_shutdown")) {
			String scanned;
			String approved;
			long campaignId;
			long refusedAfterMillis;
			long exitedAfterMillis;
			int exit;
			String idleAnswer;
			Http.Answer update;
			Http.Answer engage;
			try (ServerProcess server = ServerProcess.start("shutdown-" + TestDatabase.KIND, 0,
					IntegrationTest.ADMIN_TOKEN, database.serverArguments())) {
				server.awaitHealthy(Duration.ofSeconds(120));
				Fixtures fixtures = new Fixtures(new Http(server.port()));
				Fixtures.World world = fixtures.world(2);
				campaignId = world.campaignId();
				scanned = fixtures.scan(world.slug());
				approved = fixtures.approvedSession(world);

				byte[] updateBody = ("{\"session_id\": \"" + scanned + "\", \"new_status\": \"FORM_APPROVED\"}")
					.getBytes(StandardCharsets.UTF_8);
				byte[] engageBody = "{}".getBytes(StandardCharsets.UTF_8);
				try (Socket slowUpdate = connect(server.port());
						Socket slowEngage = connect(server.port());
						Socket idle = connect(server.port())) {
					// Two requests in flight: headers sent, the body only begun.
					sendHead(slowUpdate, "POST", UPDATE, world.apiKey(), updateBody.length);
					slowUpdate.getOutputStream().write(updateBody, 0, 10);
					sendHead(slowEngage, "POST", "/smart-engage/post/engage-v3/" + approved, world.apiKey(),
							engageBody.length);
					slowEngage.getOutputStream().write(engageBody, 0, 1);
					// A kept-alive connection that has had its answer and sits idle.
					sendHead(idle, "GET", "/actuator/health", null, -1);
					assertThat(RawHttp.readOne(idle.getInputStream()).status()).isEqualTo(200);
					// Time for the server to take up both requests and start reading
					// their
					// bodies.
					Thread.sleep(1_000);

					long sigterm = System.nanoTime();
					server.terminate();

					refusedAfterMillis = awaitRefused(server.port(), sigterm);
					idleAnswer = askOnIdleConnection(idle);
					// The clients finish their bodies, well after the SIGTERM.
					Thread.sleep(300);
					slowUpdate.getOutputStream().write(updateBody, 10, updateBody.length - 10);
					slowEngage.getOutputStream().write(engageBody, 1, engageBody.length - 1);
					update = RawHttp.readOne(slowUpdate.getInputStream());
					engage = RawHttp.readOne(slowEngage.getInputStream());
					exit = server.awaitExit(Duration.ofSeconds(60));
					exitedAfterMillis = (System.nanoTime() - sigterm) / 1_000_000;
				}
				String log = server.logText();
				assertThat(log).contains("Commencing graceful shutdown").contains("Graceful shutdown complete");
			}

			assertThat(update.status()).as(update.toString()).isEqualTo(200);
			assertThat(update.body()).isEqualTo("{\"message\":\"Status updated successfully\"}");
			assertThat(engage.status()).as(engage.toString()).isEqualTo(200);
			assertThat(engage.body()).contains("\"message\":\"success\"")
				.contains("\"session_id\":\"" + approved + "\"");
			assertThat(refusedAfterMillis).as("new connections refused soon after SIGTERM").isLessThan(5_000);
			assertThat(idleAnswer).as("a new request on a kept-alive connection")
				.satisfiesAnyOf((answer) -> assertThat(answer).startsWith("HTTP/1.1 503"),
						(answer) -> assertThat(answer).isEqualTo("closed"));
			assertThat(exit).as("exit status after SIGTERM (128 + 15)").isEqualTo(143);

			JdbcClient jdbc = database.jdbc();
			assertThat(jdbc.sql("SELECT status FROM journey_session WHERE id = :id")
				.param("id", UUID.fromString(scanned))
				.query(String.class)
				.single()).isEqualTo("FORM_APPROVED");
			assertThat(jdbc.sql("SELECT COUNT(*) FROM coupon WHERE campaign_id = :campaign AND session_id = :id")
				.param("campaign", campaignId)
				.param("id", UUID.fromString(approved))
				.query(Long.class)
				.single()).isEqualTo(1L);
			System.out.printf(
					"GracefulShutdownIntegrationTests [%s]: SIGTERM with 2 requests in flight; new connections "
							+ "refused after %d ms; idle kept-alive connection answered %s; both requests in flight "
							+ "answered 200 and are in the database; exit status %d after %d ms%n",
					TestDatabase.KIND, refusedAfterMillis, idleAnswer.lines().findFirst().orElse(""), exit,
					exitedAfterMillis);
		}
	}

	private static Socket connect(int port) throws IOException {
		Socket socket = new Socket();
		socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
		socket.setSoTimeout(60_000);
		return socket;
	}

	private static void sendHead(Socket socket, String method, String path, String apiKey, int contentLength)
			throws IOException {
		StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
		if (apiKey != null) {
			head.append("API-KEY: ").append(apiKey).append("\r\n");
		}
		if (contentLength >= 0) {
			head.append("Content-Type: application/json\r\nContent-Length: ").append(contentLength).append("\r\n");
		}
		head.append("\r\n");
		OutputStream out = socket.getOutputStream();
		out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	/** Milliseconds from the SIGTERM until a new connection is refused. */
	private static long awaitRefused(int port, long sigterm) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			try (Socket probe = new Socket()) {
				probe.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
			}
			catch (ConnectException ex) {
				return (System.nanoTime() - sigterm) / 1_000_000;
			}
			catch (IOException ex) {
				// A timeout: try again.
			}
			Thread.sleep(20);
		}
		throw new AssertionError("new connections were still accepted 30 s after SIGTERM");
	}

	/**
	 * A new request on the idle kept-alive connection: the status line of its answer, or
	 * "closed" when the server closed the connection instead.
	 */
	private static String askOnIdleConnection(Socket idle) {
		try {
			sendHead(idle, "GET", "/actuator/health", null, -1);
			Http.Answer answer = RawHttp.readOne(idle.getInputStream());
			return "HTTP/1.1 " + answer.status() + "\n" + answer.body();
		}
		catch (IOException ex) {
			return "closed";
		}
	}

}
