package com.smartengage.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A partner's webhook endpoint on 127.0.0.1: records every request as it came and answers
 * as told (a status, after a delay), 204 once no answer is queued.
 */
public final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final List<Request> received = new CopyOnWriteArrayList<>();

	private final BlockingQueue<Request> arrivals = new LinkedBlockingQueue<>();

	private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();

	private volatile Answer always;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger mostInFlight = new AtomicInteger();

	/** A request as received. */
	public record Request(String method, String path, Map<String, List<String>> headers, byte[] body) {

		public String header(String name) {
			for (Map.Entry<String, List<String>> header : this.headers.entrySet()) {
				if (header.getKey().equalsIgnoreCase(name)) {
					return header.getValue().get(0);
				}
			}
			return null;
		}

		public String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

	/**
	 * How to answer a request: a status and body, after a delay, with a {@code Location}
	 * when not null.
	 */
	public record Answer(int status, Duration delay, String body, String location) {

		public Answer(int status, Duration delay, String body) {
			this(status, delay, body, null);
		}

		public static Answer status(int status) {
			return new Answer(status, Duration.ZERO, "");
		}

		public static Answer slow(Duration delay) {
			return new Answer(204, delay, "");
		}

		public static Answer redirect(String location) {
			return new Answer(302, Duration.ZERO, "", location);
		}

	}

	public WebhookReceiver() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "webhook-receiver");
			thread.setDaemon(true);
			return thread;
		}));
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/** Answers the next requests so, in order, before falling back to 204. */
	public WebhookReceiver thenAnswer(Answer... next) {
		this.answers.addAll(List.of(next));
		return this;
	}

	/** Answers every request so (until told otherwise). */
	public WebhookReceiver alwaysAnswer(Answer answer) {
		this.always = answer;
		return this;
	}

	public String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	public List<Request> received() {
		return List.copyOf(this.received);
	}

	/** Waits for the next request that matches; fails after the timeout. */
	public Request await(Predicate<Request> matching, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		for (Request seen : this.received) {
			if (matching.test(seen)) {
				this.arrivals.remove(seen);
				return seen;
			}
		}
		try {
			while (true) {
				long left = deadline - System.nanoTime();
				Request next = left <= 0 ? null : this.arrivals.poll(left, TimeUnit.NANOSECONDS);
				if (next == null) {
					throw new AssertionError("No matching webhook within " + timeout + "; received " + describe());
				}
				if (matching.test(next)) {
					return next;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/** Waits until {@code count} requests matched. */
	public List<Request> awaitCount(Predicate<Request> matching, int count, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			List<Request> matched = this.received.stream().filter(matching).toList();
			if (matched.size() >= count) {
				return matched;
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Only " + matched.size() + " of " + count + " matching webhooks within "
						+ timeout + "; received " + describe());
			}
			sleep(20);
		}
	}

	private String describe() {
		List<String> lines = new ArrayList<>();
		for (Request request : this.received) {
			lines.add(request.header("webhook-id") + " " + request.text());
		}
		return lines.size() + " " + lines;
	}

	/** The most requests that were being answered at once. */
	public int mostInFlight() {
		return this.mostInFlight.get();
	}

	private void handle(HttpExchange exchange) throws IOException {
		this.mostInFlight.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
		try {
			answer(exchange);
		}
		finally {
			this.inFlight.decrementAndGet();
		}
	}

	private void answer(HttpExchange exchange) throws IOException {
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readAllBytes();
		}
		Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				Map.copyOf(exchange.getRequestHeaders()), body);
		this.received.add(request);
		this.arrivals.add(request);
		Answer answer = this.answers.poll();
		if (answer == null) {
			answer = this.always != null ? this.always : Answer.status(204);
		}
		sleep(answer.delay().toMillis());
		byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
		if (answer.location() != null) {
			exchange.getResponseHeaders().add("Location", answer.location());
		}
		try {
			exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
			if (out.length > 0) {
				try (OutputStream stream = exchange.getResponseBody()) {
					stream.write(out);
				}
			}
		}
		catch (IOException ex) {
			// The sender gave up (a timeout test): nothing to answer.
		}
		finally {
			exchange.close();
		}
	}

	private static void sleep(long millis) {
		if (millis <= 0) {
			return;
		}
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
