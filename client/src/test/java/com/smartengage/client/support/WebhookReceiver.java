package com.smartengage.client.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A partner's webhook endpoint on 127.0.0.1 (the JDK's HTTP server): it keeps every
 * delivery as it arrived, headers and raw body, and answers 204.
 */
public final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final List<Delivery> deliveries = new ArrayList<>();

	public WebhookReceiver() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/hook", this::receive);
		this.server.start();
	}

	public URI url() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/hook");
	}

	/**
	 * The first delivery (in order of arrival) that matches, waiting for it up to 20 s.
	 */
	public Delivery await(Predicate<Delivery> wanted) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		synchronized (this.deliveries) {
			while (true) {
				for (Delivery delivery : this.deliveries) {
					if (wanted.test(delivery)) {
						return delivery;
					}
				}
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new AssertionError("No such delivery within 20 s; got " + this.deliveries);
				}
				this.deliveries.wait(Math.max(1, Duration.ofNanos(left).toMillis()));
			}
		}
	}

	private void receive(HttpExchange exchange) throws IOException {
		Delivery delivery = new Delivery(Map.copyOf(exchange.getRequestHeaders()),
				exchange.getRequestBody().readAllBytes());
		synchronized (this.deliveries) {
			this.deliveries.add(delivery);
			this.deliveries.notifyAll();
		}
		exchange.sendResponseHeaders(204, -1);
		exchange.close();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/** A delivery as it arrived. */
	public record Delivery(Map<String, List<String>> headers, byte[] body) {

		public String text() {
			return new String(this.body, java.nio.charset.StandardCharsets.UTF_8);
		}

		@Override
		public String toString() {
			return text();
		}

	}

}
