package com.smartengage.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import com.smartengage.client.support.ScriptedServer;
import com.smartengage.client.support.ScriptedServer.Answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The client's retry loop against a local server that answers as scripted: what is tried
 * again, how long it waits, and that every attempt of a call carries the call's one
 * {@code Idempotency-Key}.
 */
class RetryTests {

	private static final String ISSUED = "{\"message\": \"success\", \"coupon_code\": \"WGWBGQ9MA3\", "
			+ "\"coupon_url\": \"http://localhost/c/abc\", \"expires_at\": \"2026-12-30T10:00:00Z\", "
			+ "\"session_id\": \"s-1\"}";

	private static final String INTERNAL = "Internal error occured, please check with our team";

	private final List<Duration> waits = new CopyOnWriteArrayList<>();

	@Test
	void aPostRetriedAfterServerErrorsKeepsItsIdempotencyKey() {
		try (ScriptedServer server = new ScriptedServer(Answer.error(500, INTERNAL), Answer.error(503, "busy"),
				Answer.json(200, ISSUED))) {
			IssuedCoupon coupon = client(server.baseUrl(), 3).issueCoupon("s-1");

			assertThat(coupon.couponCode()).isEqualTo("WGWBGQ9MA3");
			List<String> keys = server.received().stream().map((r) -> r.header("Idempotency-Key")).toList();
			assertThat(keys).hasSize(3).doesNotContainNull().containsOnly(keys.get(0));
			assertThat(this.waits).hasSize(2);
		}
	}

	@Test
	void eachCallHasAnIdempotencyKeyOfItsOwn() {
		try (ScriptedServer server = new ScriptedServer(Answer.json(200, ISSUED))) {
			SmartEngageClient client = client(server.baseUrl(), 3);
			client.issueCoupon("s-1");
			client.issueCoupon("s-1");
			client.issueCoupon("s-1", "caller-key-1");

			assertThat(server.received()).extracting((r) -> r.header("Idempotency-Key"))
				.doesNotHaveDuplicates()
				.contains("caller-key-1");
		}
	}

	@Test
	void aGetIsRetriedWithoutAKey() {
		try (ScriptedServer server = new ScriptedServer(Answer.error(502, "<html>Bad gateway</html>"),
				Answer.json(200, SessionBodies.WITHOUT_COUPON))) {
			assertThat(client(server.baseUrl(), 3).getSession("s-1").status()).isEqualTo("FORM_REVIEWING");

			assertThat(server.received()).hasSize(2).allSatisfy((r) -> {
				assertThat(r.method()).isEqualTo("GET");
				assertThat(r.header("Idempotency-Key")).isNull();
			});
		}
	}

	@Test
	void aRateLimitedCallWaitsForItsRetryAfter() {
		try (ScriptedServer server = new ScriptedServer(
				Answer.error(429, "Too many requests").withHeader("Retry-After", "3"), Answer.json(200, ISSUED))) {
			client(server.baseUrl(), 3).issueCoupon("s-1");

			assertThat(server.received()).hasSize(2);
			assertThat(this.waits).containsExactly(Duration.ofSeconds(3));
		}
	}

	@Test
	void aRetryAfterLongerThanTheClientWaitsEndsTheCallAtOnce() {
		try (ScriptedServer server = new ScriptedServer(
				Answer.error(429, "Too many requests").withHeader("Retry-After", "120"))) {
			RateLimitedException limited = catchThrowableOfType(RateLimitedException.class,
					() -> client(server.baseUrl(), 3).issueCoupon("s-1"));

			assertThat(limited.retryAfter()).contains(Duration.ofMinutes(2));
			assertThat(server.received()).hasSize(1);
			assertThat(this.waits).isEmpty();
		}
	}

	@Test
	void retriesStopAfterMaxRetriesWithTheLastAnswersException() {
		try (ScriptedServer server = new ScriptedServer(Answer.error(500, INTERNAL))) {
			ServerErrorException failed = catchThrowableOfType(ServerErrorException.class,
					() -> client(server.baseUrl(), 2).updateSessionStatus("s-1", "FORM_APPROVED"));

			assertThat(failed.status()).isEqualTo(500);
			assertThat(failed.errorMessage()).isEqualTo(INTERNAL);
			assertThat(server.received()).hasSize(3);
		}
	}

	@Test
	void otherRefusalsAreNeverRetried() {
		try (ScriptedServer server = new ScriptedServer(
				Answer.error(400, "Action already completed for session_id: s-1"),
				Answer.error(401, "API-KEY is invalid"), Answer.error(404, "No record with session_id: s-1"),
				Answer.error(413, "Request body is larger than 16384 bytes"))) {
			SmartEngageClient client = client(server.baseUrl(), 3);

			assertThatExceptionOfType(ActionAlreadyCompletedException.class)
				.isThrownBy(() -> client.updateSessionStatus("s-1", "FORM_SUBMITTED"));
			assertThatExceptionOfType(InvalidApiKeyException.class)
				.isThrownBy(() -> client.updateSessionStatus("s-1", "FORM_SUBMITTED"));
			assertThatExceptionOfType(SessionNotFoundException.class).isThrownBy(() -> client.getSession("s-1"));
			assertThat(catchThrowableOfType(SmartEngageException.class, () -> client.redeemCoupon("X")).status())
				.isEqualTo(413);
			assertThat(server.received()).hasSize(4);
			assertThat(this.waits).isEmpty();
		}
	}

	@Test
	void aTimeoutIsRetriedThenEndsInConnectionFailed() {
		try (ScriptedServer server = new ScriptedServer(Answer.json(200, ISSUED).after(Duration.ofSeconds(2)))) {
			SmartEngageClient client = builder(server.baseUrl(), 1).timeout(Duration.ofMillis(200)).build();

			ConnectionFailedException failed = catchThrowableOfType(ConnectionFailedException.class,
					() -> client.issueCoupon("s-1"));

			assertThat(failed.getCause()).isInstanceOf(HttpTimeoutException.class);
			assertThat(failed.status()).isZero();
			assertThat(failed.errorMessage())
				.startsWith("POST /smart-engage/post/engage-v3/s-1 got no answer after 2 attempts");
			assertThat(this.waits).hasSize(1);
		}
	}

	@Test
	void aRefusedConnectionIsRetriedThenEndsInConnectionFailed() throws IOException {
		URI closed;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
		}

		ConnectionFailedException failed = catchThrowableOfType(ConnectionFailedException.class,
				() -> client(closed, 2).getSession("s-1"));

		assertThat(failed.getCause()).isInstanceOf(IOException.class);
		assertThat(this.waits).hasSize(2);
	}

	@Test
	void aThreadInterruptedWhileWaitingStopsAndKeepsItsInterrupt() {
		try (ScriptedServer server = new ScriptedServer(Answer.error(503, "busy"))) {
			SmartEngageClient client = builder(server.baseUrl(), 3).sleeper((duration) -> {
				throw new InterruptedException();
			}).build();

			ConnectionFailedException failed = catchThrowableOfType(ConnectionFailedException.class,
					() -> client.getSession("s-1"));

			assertThat(failed.getCause()).isInstanceOf(InterruptedException.class);
			assertThat(Thread.interrupted()).isTrue();
			assertThat(server.received()).hasSize(1);
		}
	}

	@Test
	void backoffDoublesUpToItsCeilingWithJitterInItsUpperHalf() {
		RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000),
				Duration.ofSeconds(10));
		java.util.Random random = new java.util.Random(42);
		for (int i = 0; i < 200; i++) {
			assertThat(policy.delay(0, null, random)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
			assertThat(policy.delay(2, null, random)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
			assertThat(policy.delay(9, null, random)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
		}
		assertThat(policy.delay(0, Duration.ofSeconds(2), random)).isEqualTo(Duration.ofSeconds(2));
		assertThat(policy.delay(3, Duration.ZERO, random)).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
	}

	private SmartEngageClient client(URI baseUrl, int maxRetries) {
		return builder(baseUrl, maxRetries).build();
	}

	private SmartEngageClient.Builder builder(URI baseUrl, int maxRetries) {
		return SmartEngageClient.builder()
			.baseUrl(baseUrl)
			.apiKey("se_test")
			.maxRetries(maxRetries)
			.sleeper(this.waits::add);
	}

}
