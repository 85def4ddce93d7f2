package com.smartengage.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket bound to a chosen local address, so that a test can play
 * clients from several IP addresses: on Linux every address of 127.0.0.0/8 is the
 * loopback, and the server sees it as the client's address.
 */
public final class RawHttp {

	private final String localAddress;

	private final int port;

	/**
	 * A client at {@code localAddress} (e.g. {@code 127.0.0.7}) for the server's port.
	 */
	public RawHttp(String localAddress, int port) {
		this.localAddress = localAddress;
		this.port = port;
	}

	/**
	 * Whether this machine lets a socket bind to {@code address}: every 127.0.0.0/8
	 * address on Linux, where CI runs; only 127.0.0.1 on a stock macOS.
	 */
	public static boolean canBind(String address) {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(address, 0));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	public Http.Answer get(String path, Map<String, String> headers) {
		return send("GET", path, headers, null);
	}

	public Http.Answer post(String path, Map<String, String> headers, String body) {
		return send("POST", path, headers, body);
	}

	/** Sends one request on a new connection and reads the whole answer. */
	public Http.Answer send(String method, String path, Map<String, String> headers, String body) {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(this.localAddress, 0));
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5_000);
			socket.setSoTimeout(30_000);
			byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
			StringBuilder head = new StringBuilder();
			head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
			// A Host among the headers replaces the real one.
			head.append("Host: ").append(headers.getOrDefault("Host", "127.0.0.1:" + this.port));
			head.append("\r\nConnection: close\r\n");
			headers.forEach((name, value) -> {
				if (!name.equals("Host")) {
					head.append(name).append(": ").append(value).append("\r\n");
				}
			});
			if (bytes != null) {
				head.append("Content-Length: ").append(bytes.length).append("\r\n");
			}
			head.append("\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.UTF_8));
			if (bytes != null) {
				out.write(bytes);
			}
			out.flush();
			return read(socket.getInputStream());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " from " + this.localAddress + " failed: " + ex, ex);
		}
	}

	/** Reads one HTTP/1.1 answer to its end (the server closes the connection). */
	public static Http.Answer read(InputStream in) throws IOException {
		byte[] all = in.readAllBytes();
		String text = new String(all, StandardCharsets.ISO_8859_1);
		// Interim answers (100 Continue) come before the real one.
		while (text.startsWith("HTTP/1.1 1") && text.indexOf("\r\n\r\n") > 0) {
			int skip = text.indexOf("\r\n\r\n") + 4;
			all = Arrays.copyOfRange(all, skip, all.length);
			text = text.substring(skip);
		}
		int end = text.indexOf("\r\n\r\n");
		if (!text.startsWith("HTTP/1.1 ") || end < 0) {
			throw new IOException("not an HTTP answer: " + text);
		}
		String[] lines = text.substring(0, end).split("\r\n");
		int status = Integer.parseInt(lines[0].substring(9, 12));
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon < 0) {
				continue;
			}
			headers
				.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), (k) -> new ArrayList<>())
				.add(lines[i].substring(colon + 1).trim());
		}
		byte[] body = Arrays.copyOfRange(all, end + 4, all.length);
		List<String> encoding = headers.get("transfer-encoding");
		if (encoding != null && encoding.get(0).equalsIgnoreCase("chunked")) {
			body = unchunk(body);
		}
		return new Http.Answer(status, headers, new String(body, StandardCharsets.UTF_8), body);
	}

	/**
	 * Reads one HTTP/1.1 answer (Content-Length or chunked) without waiting for the
	 * connection to close, so that the connection can carry another request.
	 */
	public static Http.Answer readOne(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		while (!endsWithBlankLine(head)) {
			int b = in.read();
			if (b == -1) {
				throw new IOException("connection closed after: " + head.toString(StandardCharsets.ISO_8859_1));
			}
			head.write(b);
		}
		String text = head.toString(StandardCharsets.ISO_8859_1);
		int length = 0;
		boolean chunked = false;
		for (String line : text.split("\r\n")) {
			String lower = line.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-length:")) {
				length = Integer.parseInt(line.substring(15).trim());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
		}
		ByteArrayOutputStream whole = new ByteArrayOutputStream();
		whole.write(head.toByteArray());
		if (chunked) {
			// Chunks up to and including the last, empty one and its blank line.
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			while (!(body.size() >= 5 && endsWithBlankLine(body) && isLastChunk(body))) {
				int b = in.read();
				if (b == -1) {
					throw new IOException("connection closed in a chunked body");
				}
				body.write(b);
			}
			whole.write(body.toByteArray());
		}
		else {
			whole.write(in.readNBytes(length));
		}
		return read(new java.io.ByteArrayInputStream(whole.toByteArray()));
	}

	private static boolean endsWithBlankLine(ByteArrayOutputStream bytes) {
		byte[] all = bytes.toByteArray();
		int n = all.length;
		return n >= 4 && all[n - 4] == '\r' && all[n - 3] == '\n' && all[n - 2] == '\r' && all[n - 1] == '\n';
	}

	private static boolean isLastChunk(ByteArrayOutputStream bytes) {
		String text = bytes.toString(StandardCharsets.ISO_8859_1);
		return text.equals("0\r\n\r\n") || text.endsWith("\r\n0\r\n\r\n");
	}

	private static byte[] unchunk(byte[] chunked) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int at = 0;
		while (at < chunked.length) {
			int lineEnd = at;
			while (lineEnd + 1 < chunked.length && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
				lineEnd++;
			}
			String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
			int length = Integer.parseInt(size, 16);
			if (length == 0) {
				break;
			}
			out.write(chunked, lineEnd + 2, length);
			at = lineEnd + 2 + length + 2;
		}
		return out.toByteArray();
	}

}
