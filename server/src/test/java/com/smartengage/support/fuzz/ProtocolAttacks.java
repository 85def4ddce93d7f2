package com.smartengage.support.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static com.smartengage.support.fuzz.Encoding.concat;
import static com.smartengage.support.fuzz.Encoding.utf8;
import static com.smartengage.support.fuzz.HostileRequests.MARKER;
import static com.smartengage.support.fuzz.HostileText.BROKEN_ESCAPES;
import static com.smartengage.support.fuzz.HostileText.encode;

/**
 * Hostile requests at the HTTP layer, whatever the route: query strings on every kind of
 * route, raw request lines (odd methods, targets, versions, line ends, lengths and
 * transfer codings) and raw header sections (names, values, counts, sizes).
 */
final class ProtocolAttacks {

	/** Query parameter names the server reads somewhere, and some it never does. */
	private static final String[] PARAMETERS = { "from", "to", "tz", "screen_id", "interval", "size", "limit",
			"before_id", "format", "sort", "order", "next", "apikey", "token", "session_id", "x", "", "a[]", "%", "=" };

	private static final String[] METHODS = { "GET", "GET", "POST", "HEAD", "get", "G ET", "TRACE", "CONNECT", "PRI",
			"", "OPTIONS", "PROPFIND", "DELETE", "GE\u0000T", "X".repeat(300), "GET\u00FF" };

	private static final String[] VERSIONS = { "HTTP/1.1", "HTTP/1.1", "HTTP/1.0", "HTTP/2.0", "HTTP/1.1x", "http/1.1",
			"HTTP/01.1", "", "HTTP/1.1 extra", "HTTP/9.9", "HTTP/1.", "HTTP" };

	private final Random random;

	private final Playground playground;

	private final HostileText text;

	private final String partnerSlug;

	ProtocolAttacks(Random random, Playground playground, HostileText text, String partnerSlug) {
		this.random = random;
		this.playground = playground;
		this.text = text;
		this.partnerSlug = partnerSlug;
	}

	// ---------------------------------------------------------------- query strings

	/** A route of every kind, its credentials, and a hostile query string. */
	Attack query() {
		Playground.Keys keys = this.playground.keys();
		Map<String, String> headers = new LinkedHashMap<>();
		String path = switch (this.random.nextInt(14)) {
			case 0 -> "/actuator/health";
			case 1 -> {
				headers.put("Authorization", "Bearer " + keys.metricsToken());
				yield "/actuator/prometheus";
			}
			case 2 -> "/dashboard/login";
			case 3 -> "/swagger-ui.html";
			case 4 -> "/v3/api-docs";
			case 5 -> "/s/" + this.partnerSlug;
			case 6 -> "/c/" + "A".repeat(32);
			case 7 -> {
				headers.put("API-KEY", keys.apiKey());
				yield "/smart-engage/get/session/" + this.playground.session();
			}
			case 8 -> {
				headers.put("Cookie", keys.cookie());
				yield "/dashboard/campaigns/" + this.playground.campaignId();
			}
			case 9 -> {
				headers.put("Cookie", keys.cookie());
				yield "/dashboard/api/campaigns/" + this.playground.campaignId() + "/data";
			}
			case 10 -> {
				headers.put("Authorization", "Bearer " + keys.adminToken());
				yield "/admin/api/placements/" + this.playground.slug() + "/qr.png";
			}
			case 11 -> {
				headers.put("Authorization", "Bearer " + keys.adminToken());
				yield "/admin/api/audit";
			}
			default -> {
				headers.put("Authorization", "Bearer " + keys.adminToken());
				yield "/admin/api/campaigns/" + this.playground.campaignId() + "/"
						+ this.text.pick("funnel", "breakdown", "timeseries", "sessions.csv");
			}
		};
		String query = queryString();
		byte[] raw = concat(utf8(path + "?"), queryBytes(query));
		return new Attack("query", this.random.nextInt(10) == 0 ? "HEAD" : "GET", path + "?" + query, headers, null,
				false, true, raw, null, "query");
	}

	/** One to five parameters, hostile names and values, escaped or broken. */
	private String queryString() {
		List<String> pairs = new ArrayList<>();
		for (int i = 1 + this.random.nextInt(5); i > 0; i--) {
			String name = this.random.nextInt(4) == 0 ? encode(this.text.text()) : this.text.pick(PARAMETERS);
			String value = switch (this.random.nextInt(8)) {
				case 0 -> encode(this.text.text());
				case 1 -> MARKER + this.text.pick(BROKEN_ESCAPES);
				case 2 -> this.text.pick(BROKEN_ESCAPES);
				case 3 -> "2026-11-" + this.random.nextInt(40);
				case 4 -> this.text.pick("Asia/Bangkok", "UTC", "Mars/Olympus", "+99:00", "day", "hour", "csv", "json",
						"-1", "0", "99999999999999999999", "512", "4096", "FORM_APPROVED.conversion", "desc");
				case 5 -> "\u00FF\u0080" + MARKER;
				default -> encode(this.text.pick(this.text.text(), MARKER));
			};
			pairs.add(this.random.nextInt(10) == 0 ? name : name + "=" + value);
		}
		return String.join(this.random.nextInt(10) == 0 ? ";" : "&", pairs);
	}

	/**
	 * The query as bytes: characters above U+00FF as UTF-8, those below as one byte each,
	 * so "\u00FF" goes out as the raw byte 0xFF.
	 */
	private static byte[] queryBytes(String query) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		query.codePoints().forEach((cp) -> {
			if (cp <= 0xFF) {
				out.write(cp);
			}
			else {
				out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
			}
		});
		return out.toByteArray();
	}

	// ---------------------------------------------------------------- raw request lines

	/**
	 * A request line of odd method, target, version, spacing or line ends, with odd Host,
	 * length and transfer-coding headers. A declared body is always sent in full, so the
	 * server never waits for bytes that will not come.
	 */
	Attack line() {
		String eol = this.random.nextInt(5) == 0 ? "\n" : "\r\n";
		String space = this.text.pick(" ", " ", " ", "  ", "\t");
		String method = this.text.pick(METHODS);
		String target = this.text.pick("/s/" + this.partnerSlug,
				"/smart-engage/get/session/" + this.playground.session(), "/smart-engage/post/update-session-status",
				"*", "http://evil.example/s/" + this.partnerSlug, "s/x", "//s/" + this.partnerSlug,
				"/" + "a".repeat(9000), "/a b", "/%", "/?a=\u00FF", "/..%2f..%2fetc/passwd",
				"/s/" + this.partnerSlug + "#frag", "/dashboard/login", "/admin/api/partners", "/actuator/health");
		String version = this.text.pick(VERSIONS);
		StringBuilder head = new StringBuilder(method).append(space).append(target);
		if (!version.isEmpty()) {
			head.append(space).append(version);
		}
		head.append(eol);
		switch (this.random.nextInt(8)) {
			case 0 -> {
			}
			case 1 -> head.append("Host: a").append(eol).append("Host: b").append(eol);
			case 2 -> head.append("Host: ")
				.append(this.text.pick("evil.example", "a:99999", "[::1", "", "127.0.0.1:0", "x y", "\u00FF"))
				.append(eol);
			default -> head.append("Host: 127.0.0.1").append(eol);
		}
		head.append("API-KEY: ").append(this.playground.keys().apiKey()).append(eol);
		if (this.random.nextInt(6) == 0) {
			head.append("X-Folded: a").append(eol).append(" b").append(eol);
		}
		String body = "";
		switch (this.random.nextInt(10)) {
			case 0 -> {
				body = "{\"session_id\": \"" + this.playground.session() + "\"}";
				head.append("Content-Length: ").append(body.length()).append(eol);
			}
			case 1 -> {
				body = "abcdefghij";
				head.append("Content-Length: 4").append(eol).append("Content-Length: 10").append(eol);
			}
			case 2 -> head.append("Content-Length: ")
				.append(this.text.pick("-1", "abc", "99999999999999999999", "1 2", "0x10", "+0"))
				.append(eol);
			case 3 -> {
				body = this.text.pick("0" + eol + eol, "zz" + eol + eol, "0;" + "e".repeat(5000) + eol + eol,
						"0" + eol + "X-Trailer: \u0001" + eol + eol, "-1" + eol + eol);
				head.append("Transfer-Encoding: ")
					.append(this.text.pick("chunked", "chunked, chunked", "gzip, chunked", "CHUNKED", "chunked;x=1",
							" chunked"))
					.append(eol);
			}
			case 4 -> {
				body = "0" + eol + eol;
				head.append("Transfer-Encoding: chunked").append(eol).append("Content-Length: 3").append(eol);
			}
			case 5 -> head.append("Expect: ").append(this.text.pick("100-continue", "x", "200-ok")).append(eol);
			default -> {
			}
		}
		head.append("Connection: close").append(eol).append(eol);
		byte[] request = concat(queryBytes(head.toString()), queryBytes(body));
		return Attack.exact("line", method + " " + cut(target) + " " + version, request);
	}

	// ---------------------------------------------------------------- raw header
	// sections

	/** A real route with a hostile header section: names, values, counts, sizes. */
	Attack headers() {
		Playground.Keys keys = this.playground.keys();
		StringBuilder head = new StringBuilder();
		String route = this.text.pick("/s/" + this.partnerSlug,
				"/smart-engage/get/session/" + this.playground.session(), "/admin/api/partners",
				"/dashboard/campaigns/" + this.playground.campaignId(), "/actuator/prometheus", "/c/" + "A".repeat(32));
		head.append("GET ").append(route).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
		for (int i = 1 + this.random.nextInt(4); i > 0; i--) {
			switch (this.random.nextInt(12)) {
				case 0 -> head.append("API-KEY: ").append(keys.apiKey()).append("\r\nAPI-KEY: ").append(MARKER);
				case 1 -> head.append("API-KEY: ").append(MARKER).append(this.text.pick("\u00FF", "\u0080", " ", ""));
				case 2 -> head.append("Authorization: ")
					.append(this.text.pick("Bearer " + MARKER, "Bearer " + "x".repeat(7000), "Bearer",
							"Basic " + MARKER, "Bearer " + keys.adminToken() + "\u00FF",
							"Bearer  " + keys.adminToken()));
				case 3 -> head.append("Cookie: ")
					.append(this.text.pick(keys.cookie() + "; " + keys.cookie(), "SE_DASHBOARD=" + MARKER, "=;;=",
							"SE_DASHBOARD=\"" + MARKER + "\"", "a=" + "b".repeat(6000)));
				case 4 -> head.append(this.text.pick("Bad Header", "X\u00FF", "", "X:Y", "(x)", "X\tY")).append(": v");
				case 5 -> head.append("X-Many: 1\r\n".repeat(120)).append("X-Last: 1");
				case 6 -> head.append("X-Big: ").append("y".repeat(this.text.pick(new int[] { 4000, 8200, 20_000 })));
				case 7 -> head.append("Content-Type: ")
					.append(this.text.pick("application/json; charset=\u00FF",
							"multipart/form-data; boundary=" + "b".repeat(3000), ";;", "text/csv"));
				case 8 -> head.append("Accept: ")
					.append(this.text.pick("*/*;q=x", "text/event-stream", "application/json;q=1000", "\u00FF"));
				case 9 -> head.append("X-Forwarded-For: ").append(this.text.pick("1.2.3.4", "x", "::1, evil"));
				case 10 -> head.append("Range: bytes=").append(this.text.pick("0-1", "-", "9-1", "0-1,".repeat(500)));
				default -> head.append("X-Value: ").append(this.text.text().replace('\r', ' ').replace('\n', ' '));
			}
			head.append("\r\n");
		}
		head.append("Connection: close\r\n\r\n");
		return Attack.exact("header", "headers on " + route, queryBytes(head.toString()));
	}

	private static String cut(String text) {
		return text.length() <= 60 ? text : text.substring(0, 60) + "...";
	}

}
