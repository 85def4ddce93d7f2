package com.smartengage.common.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.LogCapture;
import com.smartengage.support.RawHttp;
import com.smartengage.support.ServerTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests an outside attack found answered with a 500, a stack trace or a secret in the
 * log: broken escapes in a query string or a form body, methods and transfer codings
 * Tomcat does not implement, clients that hang up in the middle of a body. Each must be a
 * clean 4xx (or nothing, for a client that is gone), logged in at most one line, without
 * the value sent and without a stack trace.
 */
@IntegrationTest
class MalformedRequestsIntegrationTests extends ServerTests {

	private static final String SECRET = "SECRETVALUE42";

	@Test
	void brokenEscapesInAQueryStringAreA400WithoutTheValueInTheLog() {
		Fixtures.World world = this.fixtures.world(1);
		String session = this.fixtures.scan(world.slug());
		// Sent as raw bytes: java.net.URI refuses to send a broken escape.
		RawHttp raw = new RawHttp("127.0.0.1", this.port);
		try (LogCapture log = LogCapture.open()) {
			for (String path : List.of("/actuator/health?apikey=" + SECRET + "%ff",
					"/dashboard/login?next=" + SECRET + "%ff", "/swagger-ui.html?" + SECRET + "%ff",
					"/c/abcdefghijklmnopqrstuvwxyz?x=" + SECRET + "%c3%28", "/v3/api-docs?x=" + SECRET + "%ff")) {
				Http.Answer answer = raw.get(path, Map.of());
				assertThat(answer.status()).as(path + ": " + answer).isEqualTo(400);
				assertThat(answer.body()).as(path).doesNotContain(SECRET).doesNotContain("Exception");
				if (path.startsWith("/actuator") || path.startsWith("/v3")) {
					assertThat(answer.errorMsg()).as(path).startsWith("Query string or form body could not be read");
				}
				else {
					assertThat(answer.header("Content-Type")).as(path).startsWith("text/html");
				}
			}
			// The scan reads no parameters: a shopper whose scanner appends a broken
			// query
			// still gets to the form.
			Http.Answer scan = raw.get("/s/" + world.slug() + "?utm=" + SECRET + "%zz", Map.of());
			assertThat(scan.status()).as(scan.toString()).isEqualTo(302);
			// The partner API checks the key first, as the contract says, then the query.
			String view = "/smart-engage/get/session/" + session + "?k=" + SECRET + "%ff";
			assertThat(this.http.get(view).send().errorMsg()).isEqualTo("API-KEY is invalid");
			Http.Answer withKey = this.http.get(view).apiKey(world.apiKey()).send();
			assertThat(withKey.status()).isEqualTo(400);
			assertThat(withKey.errorMsg()).startsWith("Query string or form body could not be read");
			Http.Answer admin = this.http.get("/admin/api/partners?x=" + SECRET + "%ff").admin().send();
			assertThat(admin.status()).isEqualTo(400);

			assertThat(log.containing(SECRET)).isEmpty();
			assertThat(log.lines()).noneMatch(LogCapture.Line::hasStackTrace);
			assertThat(log.containing("Refused GET")).hasSize(7);
		}
	}

	@Test
	void aFormBodyThatIsNotUtf8IsA400WithoutTheValueInTheLog() {
		try (LogCapture log = LogCapture.open()) {
			Http.Answer admin = this.http.post("/admin/api/partners")
				.admin()
				.header("Content-Type", "application/x-www-form-urlencoded")
				.body("name=" + SECRET + "%ff")
				.send();
			assertThat(admin.status()).isEqualTo(400);
			assertThat(admin.errorMsg()).startsWith("Query string or form body could not be read");
			Http.Answer login = this.http.post("/dashboard/login")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.body("token=" + SECRET + "%e0%b8")
				.send();
			assertThat(login.status()).isEqualTo(400);
			assertThat(login.body()).doesNotContain(SECRET);
			assertThat(log.containing(SECRET)).isEmpty();
			assertThat(log.lines()).noneMatch(LogCapture.Line::hasStackTrace);
		}
	}

	@Test
	void aRepeatedParameterIsEchoedAsItsValuesNotAsAJavaObject() {
		Fixtures.World world = this.fixtures.world(1);
		Http.Answer answer = this.http
			.get("/admin/api/campaigns/" + world.campaignId() + "/funnel?screen_id=abc&screen_id=def")
			.admin()
			.send();
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.errorMsg()).isEqualTo("screen_id must be a valid long, not abc,def");
	}

	@Test
	void connectUnknownTransferCodingsAndHttpVersionsAreTheClientsError() throws IOException {
		RawHttp raw = new RawHttp("127.0.0.1", this.port);
		Http.Answer connect = raw.send("CONNECT", "/smart-engage/post/redeem-coupon", Map.of(), null);
		assertThat(connect.status()).isEqualTo(405);
		assertThat(connect.errorMsg()).isEqualTo("Method CONNECT is not allowed");
		Http.Answer connectPage = raw.send("CONNECT", "/s/abc", Map.of(), null);
		assertThat(connectPage.status()).isEqualTo(405);
		assertThat(connectPage.body()).contains("<html").doesNotContain("Tomcat").doesNotContain("HTTP Status");

		Http.Answer chunked = raw.send("POST", "/smart-engage/post/redeem-coupon",
				Map.of("Transfer-Encoding", "xchunked", "Content-Type", "application/json"), null);
		assertThat(chunked.status()).isEqualTo(400);
		assertThat(chunked.errorMsg()).isEqualTo("Request could not be read: its path or headers are not valid");
		Http.Answer chunkedPage = raw.send("GET", "/s/abc", Map.of("Transfer-Encoding", "xchunked"), null);
		assertThat(chunkedPage.status()).isEqualTo(400);
		assertThat(chunkedPage.body()).contains("<html").doesNotContain("HTTP Status");

		// OPTIONS * never reaches the error valve: the status is the client's all the
		// same.
		Http.Answer star = exchange("OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: gzip, chunked\r\n"
				+ "Connection: close\r\n\r\n0\r\n\r\n");
		assertThat(star.status()).isEqualTo(400);

		for (String version : List.of("HTTP/2.0", "HTTP/1.")) {
			Http.Answer unknown = exchange(
					"GET /smart-engage/get/session/x " + version + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
			assertThat(unknown.status()).as(version).isEqualTo(400);
			assertThat(unknown.errorMsg()).isEqualTo("Request could not be read: its path or headers are not valid");
		}
	}

	@Test
	void anUnreadableRequestLineAfterAnHttp09RequestStillGetsAStatusLine() throws IOException {
		// Tomcat reuses its processors; one that served HTTP/0.9 used to answer the next
		// connection's unreadable request line without a status line.
		for (int i = 0; i < 5; i++) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5_000);
				socket.setSoTimeout(10_000);
				socket.getOutputStream().write("GET /\r\n".getBytes(StandardCharsets.ISO_8859_1));
				socket.getInputStream().readAllBytes();
			}
			Http.Answer refused = exchange("POST /smart-engage/post/engage-v3/x'\\x00' HTTP/1.1\r\nHost: 127.0.0.1\r\n"
					+ "Connection: close\r\nContent-Length: 2\r\n\r\n[]");
			assertThat(refused.status()).isEqualTo(400);
		}
	}

	private Http.Answer exchange(String request) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5_000);
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			return RawHttp.read(socket.getInputStream());
		}
	}

	@Test
	void aClientThatHangsUpMidBodyIsNotADatabaseOutage() throws Exception {
		Fixtures.World world = this.fixtures.world(1);
		String session = this.fixtures.scan(world.slug());
		try (LogCapture log = LogCapture.open()) {
			for (String path : List.of("/smart-engage/post/update-session-status",
					"/smart-engage/post/engage-v3/" + session, "/smart-engage/post/redeem-coupon",
					"/admin/api/partners")) {
				try (Socket socket = new Socket()) {
					socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5_000);
					OutputStream out = socket.getOutputStream();
					String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
							+ "API-KEY: " + world.apiKey() + "\r\nAuthorization: Bearer " + IntegrationTest.ADMIN_TOKEN
							+ "\r\nContent-Length: 500\r\n\r\n{\"session_id\": \"" + session + "\", ";
					out.write(head.getBytes(StandardCharsets.UTF_8));
					out.flush();
					Thread.sleep(200);
				}
			}
			// The server notices the hang-ups as it reads, a moment later: one line each
			// for the three partner calls (the admin API's JSON reader answers its own).
			for (int i = 0; i < 50 && log.containing("the client hung up").size() < 3; i++) {
				Thread.sleep(100);
			}
			assertThat(log.containing("the client hung up")).hasSize(3).allMatch((line) -> line.level().equals("INFO"));
			assertThat(log.containing("Database unreachable")).isEmpty();
			assertThat(log.lines()).noneMatch(LogCapture.Line::hasStackTrace);
			assertThat(log.lines()).noneMatch((line) -> line.level().equals("ERROR") || line.level().equals("WARN"));
		}
		Http.Answer health = this.http.get("/actuator/health").send();
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("status").asString()).isEqualTo("UP");
		assertThat(this.fixtures.updateStatus(world.apiKey(), session, "FORM_SUBMITTED").status()).isEqualTo(200);
	}

}
