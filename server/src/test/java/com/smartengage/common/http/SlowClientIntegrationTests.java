package com.smartengage.common.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.RawHttp;
import com.smartengage.support.ServerTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow clients over raw sockets, against a server of its own with short deadlines (1 s
 * for headers; bodies 500 bytes/s after a grace of 1 s) so that each test takes a few
 * seconds. Clients that trickle their headers or body lose their connection soon after
 * the deadline; clients that are slow but steady, and kept-alive connections that sit
 * idle, are served as before.
 */
@IntegrationTest
@TestPropertySource(properties = { "smart-engage.http.header-timeout=1s", "smart-engage.http.body-grace=1s",
		"smart-engage.http.body-min-rate=500" })
@ExtendWith(OutputCaptureExtension.class)
class SlowClientIntegrationTests extends ServerTests {

	private static final String UPDATE = "/smart-engage/post/update-session-status";

	@Test
	void closesAConnectionWhoseHeadersTrickle(CapturedOutput output) throws Exception {
		try (Socket socket = connect()) {
			long start = System.nanoTime();
			send(socket, "GET /actuator/health HTTP/1.1\r\nHost: 127.0.0.1\r\n");
			long closedAfter = trickleUntilClosed(List.of(socket), start, "X-Slow: 1\r\n", 300, 10_000)[0];

			System.out.printf("SlowClientIntegrationTests: a header line every 300 ms, closed after %d ms%n",
					closedAfter);
			assertThat(closedAfter).as("closed soon after the 1 s header deadline").isBetween(1_000L, 2_500L);
		}
		assertThat(output).contains("Closed 1 slow connection(s): 1 with headers unfinished after 1000 ms");
	}

	@Test
	void closesAConnectionWhoseBodyTricklesWhileTheApplicationReadsIt(CapturedOutput output) throws Exception {
		Fixtures.World world = this.fixtures.world(1);
		try (Socket socket = connect()) {
			send(socket, "POST " + UPDATE + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAPI-KEY: " + world.apiKey()
					+ "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"session_id\": \"");
			long start = System.nanoTime();
			long closedAfter = trickleUntilClosed(List.of(socket), start, "a", 200, 10_000)[0];

			System.out.printf("SlowClientIntegrationTests: a body byte every 200 ms, read by the application, "
					+ "closed after %d ms%n", closedAfter);
			assertThat(closedAfter).as("closed soon after the 1 s grace").isBetween(1_000L, 2_500L);
		}
		assertThat(output).contains("1 with a body slower than 500 bytes/s")
			.doesNotContain("Database unreachable")
			.doesNotContain("Unexpected error");
	}

	@Test
	void closesAConnectionWhoseUnreadBodyTrickles(CapturedOutput output) throws Exception {
		// No API key: the answer (401) is made without reading the body, which Tomcat
		// then reads to its end before it answers. 1000 bytes at 500 bytes/s after the
		// grace: due 3 s after the answer was made.
		try (Socket socket = connect()) {
			send(socket, "POST " + UPDATE + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
					+ "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{");
			long start = System.nanoTime();
			long closedAfter = trickleUntilClosed(List.of(socket), start, "a", 200, 10_000)[0];

			System.out.printf("SlowClientIntegrationTests: a body byte every 200 ms, left unread by the "
					+ "application, closed after %d ms%n", closedAfter);
			assertThat(closedAfter).as("closed soon after 1 s + 1000 bytes at 500 bytes/s").isBetween(3_000L, 4_500L);
		}
		assertThat(output).contains("1 with a body slower than 500 bytes/s").doesNotContain("Unexpected error");
	}

	@Test
	void servesAClientThatIsSlowButSteady() throws Exception {
		Fixtures.World world = this.fixtures.world(1);
		String session = this.fixtures.scan(world.slug());
		byte[] body = ("{\"session_id\": \"" + session + "\", \"new_status\": \"FORM_APPROVED\"}")
			.getBytes(StandardCharsets.UTF_8);
		try (Socket socket = connect()) {
			send(socket, "POST " + UPDATE + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
			Thread.sleep(200);
			send(socket, "API-KEY: " + world.apiKey() + "\r\nContent-Type: application/json\r\nContent-Length: "
					+ body.length + "\r\n\r\n");
			int third = body.length / 3;
			OutputStream out = socket.getOutputStream();
			out.write(body, 0, third);
			Thread.sleep(300);
			out.write(body, third, third);
			Thread.sleep(300);
			out.write(body, 2 * third, body.length - 2 * third);
			Http.Answer answer = RawHttp.readOne(socket.getInputStream());

			assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
			assertThat(answer.body()).isEqualTo("{\"message\":\"Status updated successfully\"}");
		}
	}

	@Test
	void servesAKeptAliveConnectionThatSatIdleLongerThanTheHeaderDeadline() throws Exception {
		try (Socket socket = connect()) {
			send(socket, "GET /actuator/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
			assertThat(RawHttp.readOne(socket.getInputStream()).status()).isEqualTo(200);
			Thread.sleep(2_500);
			send(socket, "GET /actuator/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
			Http.Answer answer = RawHttp.readOne(socket.getInputStream());

			assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		}
	}

	@Test
	void closesFortyTricklingConnectionsAndServesOthersMeanwhile() throws Exception {
		List<Socket> sockets = new ArrayList<>();
		try {
			long start = System.nanoTime();
			for (int i = 0; i < 40; i++) {
				Socket socket = connect();
				sockets.add(socket);
				send(socket, "GET /actuator/health HTTP/1.1\r\nHost: 127.0.0.1\r\n");
			}
			long askedAt = System.nanoTime();
			Http.Answer meanwhile = this.http.get("/actuator/health").send();
			long answeredInMillis = (System.nanoTime() - askedAt) / 1_000_000;
			long[] closedAfter = trickleUntilClosed(sockets, start, "X-Slow: 1\r\n", 300, 10_000);

			Arrays.sort(closedAfter);
			System.out.printf(
					"SlowClientIntegrationTests: 40 connections sending a header line every 300 ms, "
							+ "closed after %d to %d ms; a normal request meanwhile answered in %d ms%n",
					closedAfter[0], closedAfter[closedAfter.length - 1], answeredInMillis);
			assertThat(meanwhile.status()).isEqualTo(200);
			assertThat(closedAfter[0]).isGreaterThanOrEqualTo(1_000L);
			assertThat(closedAfter[closedAfter.length - 1]).as("all closed soon after the 1 s deadline")
				.isLessThan(3_000L);
		}
		finally {
			for (Socket socket : sockets) {
				socket.close();
			}
		}
	}

	private Socket connect() throws IOException {
		Socket socket = new Socket();
		socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5_000);
		return socket;
	}

	private static void send(Socket socket, String text) throws IOException {
		OutputStream out = socket.getOutputStream();
		out.write(text.getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
	}

	/**
	 * Sends {@code piece} on every open connection every {@code everyMillis} until the
	 * server has closed them all (or {@code limitMillis} has passed); answers for each
	 * the milliseconds from {@code start} until it was found closed, or -1 if it never
	 * was.
	 */
	private static long[] trickleUntilClosed(List<Socket> sockets, long start, String piece, long everyMillis,
			long limitMillis) throws Exception {
		long[] closedAfter = new long[sockets.size()];
		Arrays.fill(closedAfter, -1);
		int open = sockets.size();
		long nextPiece = System.nanoTime();
		while (open > 0 && (System.nanoTime() - start) / 1_000_000 < limitMillis) {
			boolean sendNow = System.nanoTime() >= nextPiece;
			if (sendNow) {
				nextPiece += everyMillis * 1_000_000;
			}
			for (int i = 0; i < sockets.size(); i++) {
				if (closedAfter[i] >= 0) {
					continue;
				}
				Socket socket = sockets.get(i);
				boolean closed = closed(socket);
				if (!closed && sendNow) {
					try {
						send(socket, piece);
					}
					catch (IOException ex) {
						closed = true;
					}
				}
				if (closed) {
					closedAfter[i] = (System.nanoTime() - start) / 1_000_000;
					open--;
				}
			}
			Thread.sleep(10);
		}
		return closedAfter;
	}

	/**
	 * Whether the server has closed the connection: the end of the stream or a reset
	 * (after an answer, if it sent one).
	 */
	private static boolean closed(Socket socket) throws IOException {
		socket.setSoTimeout(1);
		InputStream in = socket.getInputStream();
		try {
			if (in.read() == -1) {
				return true;
			}
			// An answer (a 4xx): the connection closes after it.
			socket.setSoTimeout(5_000);
			in.readAllBytes();
			return true;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

}
