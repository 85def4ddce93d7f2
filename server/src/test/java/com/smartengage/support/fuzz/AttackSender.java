package com.smartengage.support.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import com.smartengage.support.Http;
import com.smartengage.support.RawHttp;

import static com.smartengage.support.fuzz.Encoding.utf8;

/**
 * Sends an {@link Attack} to the server and reads its {@link Reply}: through
 * java.net.http, or over a plain socket for what java.net.http will not send. Counts what
 * it sent in the {@link FuzzReport}.
 */
public final class AttackSender {

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final int port;

	/** A sender to the server on this port of 127.0.0.1. */
	public AttackSender(int port) {
		this.port = port;
	}

	public Reply send(Attack attack, FuzzReport report) {
		if (!attack.raw()) {
			HttpRequest request;
			try {
				request = request(attack);
			}
			catch (IllegalArgumentException ex) {
				// java.net.http refuses this URI or header; send the very bytes over a
				// socket instead.
				report.clientRefused++;
				return sendRaw(attack, report);
			}
			try {
				HttpResponse<byte[]> response = this.client.send(request, HttpResponse.BodyHandlers.ofByteArray());
				report.sent++;
				Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
				response.headers().map().forEach((name, values) -> headers.put(name, values.get(0)));
				return new Reply(response.statusCode(), headers, new String(response.body(), StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				report.sent++;
				return new Reply(0, Map.of(), "no answer: " + ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		return sendRaw(attack, report);
	}

	private HttpRequest request(Attack attack) {
		HttpRequest.BodyPublisher body;
		if (attack.body() == null) {
			body = HttpRequest.BodyPublishers.noBody();
		}
		else if (attack.chunked()) {
			body = HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(attack.body()));
		}
		else {
			body = HttpRequest.BodyPublishers.ofByteArray(attack.body());
		}
		URI uri = URI.create("http://127.0.0.1:" + this.port + attack.path());
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(30))
			.method(attack.method(), body);
		attack.headers().forEach(builder::header);
		return builder.build();
	}

	/**
	 * Sends the attack's bytes as they are over a plain socket, for what java.net.http
	 * will not send (malformed escapes, raw bytes in the path or a header).
	 */
	private Reply sendRaw(Attack attack, FuzzReport report) {
		report.raw++;
		report.sent++;
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(30_000);
			if (attack.rawRequest() != null) {
				OutputStream out = socket.getOutputStream();
				try {
					out.write(attack.rawRequest());
					out.flush();
				}
				catch (IOException ex) {
					// Answered and closed before everything was read: read the answer.
				}
				return parse(socket.getInputStream());
			}
			ByteArrayOutputStream head = new ByteArrayOutputStream();
			head.writeBytes(utf8(attack.method() + " "));
			head.writeBytes(attack.rawPath() != null ? attack.rawPath() : utf8(attack.path()));
			head.writeBytes(utf8(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"));
			attack.headers().forEach((name, value) -> head.writeBytes(utf8(name + ": " + rawValue(value) + "\r\n")));
			if (attack.rawHeader() != null) {
				head.writeBytes(attack.rawHeader());
				head.writeBytes(utf8("\r\n"));
			}
			if (attack.body() != null) {
				head.writeBytes(utf8("Content-Length: " + attack.body().length + "\r\n"));
			}
			head.writeBytes(utf8("\r\n"));
			if (attack.body() != null) {
				head.writeBytes(attack.body());
			}
			OutputStream out = socket.getOutputStream();
			try {
				out.write(head.toByteArray());
				out.flush();
			}
			catch (IOException ex) {
				// The server may answer and close before it read everything; read what it
				// said.
			}
			return parse(socket.getInputStream());
		}
		catch (IOException ex) {
			return new Reply(0, Map.of(), "no answer: " + ex);
		}
	}

	/**
	 * A header value as the raw sender writes it: a line break would start another
	 * header.
	 */
	static String rawValue(String value) {
		return value.replace('\r', ' ').replace('\n', ' ');
	}

	/** The answer as the raw client reads it; its first value of each header. */
	private static Reply parse(InputStream in) {
		Http.Answer answer;
		try {
			answer = RawHttp.read(in);
		}
		catch (IOException ex) {
			// -1: the server answered, but not in HTTP/1.1 (a request that was not
			// HTTP/1.x gets an HTTP/0.9 answer, or the connection closed at once).
			boolean answered = ex.getMessage() != null && ex.getMessage().startsWith("not an HTTP answer");
			return new Reply(answered ? -1 : 0, Map.of(), ex.getMessage());
		}
		Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		answer.headers().forEach((name, values) -> headers.put(name, values.get(0)));
		return new Reply(answer.status(), headers, answer.body());
	}

}
