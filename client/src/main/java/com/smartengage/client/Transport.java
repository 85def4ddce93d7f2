package com.smartengage.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends one logical call, retrying it where that is safe: after a connection error or a
 * timeout, and after a 5xx or a 429, with exponential backoff and jitter (the
 * {@code Retry-After} of the answer when longer), up to {@code maxRetries} times. Every
 * attempt of a call sends the same request, and so the same {@code Idempotency-Key}: the
 * server replays the first successful answer instead of acting twice. Other refusals are
 * final at once.
 */
final class Transport {

	/** Waits between attempts; tests replace it. */
	interface Sleeper {

		void sleep(Duration duration) throws InterruptedException;

	}

	private final HttpClient http;

	private final String baseUrl;

	private final String apiKey;

	private final String userAgent;

	private final Duration timeout;

	private final RetryPolicy retries;

	private final Clock clock;

	private final Sleeper sleeper;

	Transport(HttpClient http, String baseUrl, String apiKey, String userAgent, Duration timeout, RetryPolicy retries,
			Clock clock, Sleeper sleeper) {
		this.http = http;
		this.baseUrl = baseUrl;
		this.apiKey = apiKey;
		this.userAgent = userAgent;
		this.timeout = timeout;
		this.retries = retries;
		this.clock = clock;
		this.sleeper = sleeper;
	}

	/** A GET of {@code path}; its answer when 2xx. */
	HttpResponse<byte[]> get(String path) {
		return send(request(path).GET().build());
	}

	/** A POST of the JSON {@code body} under the call's idempotency key. */
	HttpResponse<byte[]> post(String path, byte[] body, String idempotencyKey) {
		return send(request(path).header("Content-Type", "application/json")
			.header("Idempotency-Key", idempotencyKey)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(this.timeout)
			.header("API-KEY", this.apiKey)
			.header("Accept", "application/json")
			.header("User-Agent", this.userAgent);
	}

	private HttpResponse<byte[]> send(HttpRequest request) {
		for (int retry = 0;; retry++) {
			Duration wait;
			try {
				HttpResponse<byte[]> response = this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
				int status = response.statusCode();
				if (status >= 200 && status < 300) {
					return response;
				}
				SmartEngageException refusal = ErrorAnswers.from(status, response.headers(), response.body(),
						this.clock);
				if (!(status == 429 || status >= 500) || retry >= this.retries.maxRetries()) {
					throw refusal;
				}
				Duration retryAfter = ErrorAnswers.retryAfter(response.headers(), this.clock);
				if (retryAfter != null && retryAfter.compareTo(this.retries.maxRetryAfter()) > 0) {
					throw refusal;
				}
				wait = this.retries.delay(retry, retryAfter, ThreadLocalRandom.current());
			}
			catch (IOException ex) {
				if (retry >= this.retries.maxRetries()) {
					throw new ConnectionFailedException(
							request.method() + " " + request.uri().getPath() + " got no answer after " + (retry + 1)
									+ " attempt" + ((retry == 0) ? "" : "s") + ": " + ex,
							ex);
				}
				wait = this.retries.delay(retry, null, ThreadLocalRandom.current());
			}
			catch (InterruptedException ex) {
				throw interrupted(request, ex);
			}
			try {
				this.sleeper.sleep(wait);
			}
			catch (InterruptedException ex) {
				throw interrupted(request, ex);
			}
		}
	}

	private static ConnectionFailedException interrupted(HttpRequest request, InterruptedException ex) {
		Thread.currentThread().interrupt();
		return new ConnectionFailedException(
				request.method() + " " + request.uri().getPath() + " was interrupted before it got an answer", ex);
	}

}
