package com.smartengage.dashboard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A campaign page's live stream as the tests read it: its event lines, as they come. */
final class EventStreams {

	private EventStreams() {
	}

	/** Opens the campaign's stream on the server at {@code base} as the operator. */
	static EventStream open(HttpClient client, String base, Operator operator, long campaignId) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(base + "/dashboard/api/campaigns/" + campaignId + "/events"))
			.header("Cookie", OperatorSessions.COOKIE + "=" + operator.cookie(OperatorSessions.COOKIE))
			.header("Accept", "text/event-stream")
			.build();
		BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		CompletableFuture<HttpResponse<Stream<String>>> response = client.sendAsync(request,
				HttpResponse.BodyHandlers.ofLines());
		CompletableFuture<Void> reading = response.thenAcceptAsync((answer) -> {
			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(answer.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
			answer.body()
				.map((line) -> line.replace(": ", ":"))
				.filter((line) -> line.startsWith("event:"))
				.forEach(lines::add);
		});
		return new EventStream(lines, reading);
	}

	/** The event lines of an open stream. */
	record EventStream(BlockingQueue<String> lines, CompletableFuture<Void> reading) implements AutoCloseable {

		/** The next line within the wait, or null. */
		String next(Duration wait) throws InterruptedException {
			return this.lines.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
		}

		@Override
		public void close() {
			this.reading.cancel(true);
		}

	}

}
