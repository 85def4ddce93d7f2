package com.smartengage.client.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server (the JDK's) that gives scripted answers in turn, the last one again
 * once the script runs out, and keeps every request it got: for the client's own
 * behaviour (retries, waits, error mapping), which the real server cannot be made to show
 * on demand.
 */
public final class ScriptedServer implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final Deque<Answer> script = new ArrayDeque<>();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private Answer last;

	public ScriptedServer(Answer... answers) {
		this.script.addAll(List.of(answers));
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(this.threads);
		this.server.createContext("/", this::answer);
		this.server.start();
	}

	public URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	public List<Received> received() {
		return List.copyOf(this.received);
	}

	private void answer(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		this.received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
				Map.copyOf(exchange.getRequestHeaders()), new String(body, StandardCharsets.UTF_8)));
		Answer answer = next();
		try {
			Thread.sleep(answer.delay().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
		byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(answer.status(), (bytes.length == 0) ? -1 : bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private synchronized Answer next() {
		if (!this.script.isEmpty()) {
			this.last = this.script.poll();
		}
		return this.last;
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.threads.shutdownNow();
	}

	/** One scripted answer. */
	public record Answer(int status, Map<String, String> headers, String body, Duration delay) {

		public static Answer json(int status, String body) {
			return new Answer(status, Map.of("Content-Type", "application/json"), body, Duration.ZERO);
		}

		public static Answer error(int status, String errorMessage) {
			return json(status, "{\"error_msg\": \"" + errorMessage + "\"}");
		}

		public Answer withHeader(String name, String value) {
			Map<String, String> more = new java.util.HashMap<>(this.headers);
			more.put(name, value);
			return new Answer(this.status, Map.copyOf(more), this.body, this.delay);
		}

		public Answer after(Duration delay) {
			return new Answer(this.status, this.headers, this.body, delay);
		}

	}

	/** A request as the server got it; header names as the JDK's server spells them. */
	public record Received(String method, String path, Map<String, List<String>> headers, String body) {

		/** The first value of a header, in any case of its name; null without it. */
		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

	}

}
