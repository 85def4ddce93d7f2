package com.smartengage.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import org.springframework.stereotype.Component;

import com.smartengage.common.text.Ids;

/**
 * Makes one attempt: a signed {@code POST} of the event, no redirect followed, the whole
 * exchange within the timeout, and at most 64 KiB of the answer read.
 */
@Component
class WebhookSender {

	/** The most of a receiver's answer that is read. */
	static final int MAX_RESPONSE_BYTES = 64 * 1024;

	/** The most of a receiver's answer that is kept in the attempt log. */
	static final int KEPT_RESPONSE_CHARS = 2000;

	static final String USER_AGENT = "SmartEngage-Webhooks/1.0 (Standard Webhooks 1.0)";

	private final HttpClient client;

	private final Duration timeout;

	private final Clock clock;

	WebhookSender(WebhookProperties properties, Clock clock) {
		this.timeout = properties.timeout();
		this.clock = clock;
		this.client = HttpClient.newBuilder()
			.connectTimeout(this.timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	/** What came of an attempt. */
	record Outcome(Integer statusCode, String error, String response, long durationMs) {

		boolean delivered() {
			return this.statusCode != null && this.statusCode >= 200 && this.statusCode < 300;
		}

	}

	Outcome send(URI url, String webhookId, byte[] body, List<String> secrets) {
		long timestamp = this.clock.instant().getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(url)
			.timeout(this.timeout)
			.header("content-type", "application/json")
			.header("user-agent", USER_AGENT)
			.header("webhook-id", webhookId)
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature", WebhookSignatures.header(secrets, webhookId, timestamp, body))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		long started = System.nanoTime();
		CompletableFuture<HttpResponse<byte[]>> exchange = this.client.sendAsync(request, (info) -> new Limited());
		try {
			HttpResponse<byte[]> response = exchange.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			int status = response.statusCode();
			String error = status >= 200 && status < 300 ? null : (status >= 300 && status < 400
					? "answered " + status + " (redirects are not followed)" : "answered " + status);
			return new Outcome(status, error, printable(response.body()), millisSince(started));
		}
		catch (TimeoutException ex) {
			exchange.cancel(true);
			return failure("timed out after " + this.timeout.toSeconds() + " s", started);
		}
		catch (InterruptedException ex) {
			exchange.cancel(true);
			Thread.currentThread().interrupt();
			return failure("interrupted: the instance is shutting down", started);
		}
		catch (ExecutionException ex) {
			return failure(describe(ex.getCause()), started);
		}
	}

	private static Outcome failure(String error, long started) {
		return new Outcome(null, error, null, millisSince(started));
	}

	private String describe(Throwable cause) {
		if (cause instanceof HttpConnectTimeoutException) {
			return "connection timed out after " + this.timeout.toSeconds() + " s";
		}
		if (cause instanceof HttpTimeoutException) {
			return "timed out after " + this.timeout.toSeconds() + " s";
		}
		if (cause instanceof ConnectException) {
			return "connection refused";
		}
		if (cause instanceof SSLException) {
			return "TLS error: " + cause.getMessage();
		}
		if (cause instanceof InterruptedIOException) {
			return "interrupted";
		}
		if (cause instanceof IOException) {
			return "I/O error: " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
		}
		return "error: " + cause.getClass().getSimpleName();
	}

	private static long millisSince(long started) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
	}

	/**
	 * The answer's first characters as text: invalid UTF-8 and control characters (other
	 * than line breaks and tabs) become U+FFFD, so that any database stores it.
	 */
	static String printable(byte[] body) {
		if (body == null || body.length == 0) {
			return null;
		}
		String text = Ids.cut(new String(body, StandardCharsets.UTF_8), KEPT_RESPONSE_CHARS);
		StringBuilder clean = new StringBuilder(text.length());
		text.codePoints().forEach((cp) -> {
			boolean control = Character.isISOControl(cp) && cp != '\n' && cp != '\r' && cp != '\t';
			clean.appendCodePoint(control ? 0xFFFD : cp);
		});
		return clean.toString();
	}

	/** Collects at most {@link #MAX_RESPONSE_BYTES} of a body, then stops reading. */
	private static final class Limited implements HttpResponse.BodySubscriber<byte[]> {

		private final CompletableFuture<byte[]> result = new CompletableFuture<>();

		private final ByteArrayOutputStream collected = new ByteArrayOutputStream();

		private Flow.Subscription subscription;

		@Override
		public CompletionStage<byte[]> getBody() {
			return this.result;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(List<ByteBuffer> buffers) {
			for (ByteBuffer buffer : buffers) {
				int take = Math.min(buffer.remaining(), MAX_RESPONSE_BYTES - this.collected.size());
				byte[] bytes = new byte[take];
				buffer.get(bytes);
				this.collected.writeBytes(bytes);
			}
			if (this.collected.size() >= MAX_RESPONSE_BYTES) {
				this.subscription.cancel();
				finish();
			}
		}

		@Override
		public void onError(Throwable error) {
			if (!this.result.isDone()) {
				this.result.completeExceptionally(error);
			}
		}

		@Override
		public void onComplete() {
			finish();
		}

		private void finish() {
			if (!this.result.isDone()) {
				this.result.complete(this.collected.toByteArray());
			}
		}

	}

}
