package com.smartengage.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for tests: sends exactly the bytes and headers given (no
 * Content-Type unless asked), never follows redirects, and reads JSON answers.
 */
public final class Http {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String base;

	private final String adminToken;

	public Http(int port) {
		this(port, IntegrationTest.ADMIN_TOKEN);
	}

	/** A client whose {@link Call#admin()} sends this admin token. */
	public Http(int port, String adminToken) {
		this.base = "http://127.0.0.1:" + port;
		this.adminToken = adminToken;
	}

	public String base() {
		return this.base;
	}

	/** Starts a request; finish it with {@link Call#send()}. */
	public Call call(String method, String path) {
		return new Call(method, path);
	}

	public Call get(String path) {
		return call("GET", path);
	}

	public Call post(String path) {
		return call("POST", path);
	}

	/** A request being built. */
	public final class Call {

		private final String method;

		private final String path;

		private final Map<String, String> headers = new LinkedHashMap<>();

		private byte[] body;

		private Call(String method, String path) {
			this.method = method;
			this.path = path;
		}

		public Call header(String name, String value) {
			this.headers.put(name, value);
			return this;
		}

		public Call apiKey(String key) {
			return header("API-KEY", key);
		}

		public Call admin() {
			return header("Authorization", "Bearer " + Http.this.adminToken);
		}

		public Call json(String json) {
			header("Content-Type", "application/json");
			return body(json);
		}

		public Call body(String text) {
			this.body = text.getBytes(StandardCharsets.UTF_8);
			return this;
		}

		public Call body(byte[] bytes) {
			this.body = bytes;
			return this;
		}

		public Answer send() {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Http.this.base + this.path))
				.timeout(Duration.ofSeconds(30))
				.method(this.method, this.body == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofByteArray(this.body));
			this.headers.forEach(request::header);
			try {
				HttpResponse<byte[]> response = Http.this.client.send(request.build(),
						HttpResponse.BodyHandlers.ofByteArray());
				return new Answer(response.statusCode(), response.headers().map(),
						new String(response.body(), StandardCharsets.UTF_8), response.body());
			}
			catch (IOException ex) {
				throw new IllegalStateException(this.method + " " + this.path + " failed: " + ex, ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

	/** An answer: status, headers, body. */
	public record Answer(int status, Map<String, java.util.List<String>> headers, String body, byte[] bytes) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((e) -> e.getKey().equalsIgnoreCase(name))
				.map((e) -> e.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		/** The error sentence of an error body. */
		public String errorMsg() {
			return json().get("error_msg").asString();
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
