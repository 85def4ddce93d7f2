package com.smartengage;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.smartengage.HostileInputIntegrationTests.Attack;
import com.smartengage.HostileInputIntegrationTests.Body;
import com.smartengage.HostileInputIntegrationTests.Generator;
import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile requests beyond the partner API's JSON bodies: query strings on every kind
 * of route, the admin API, the dashboard's forms, raw request lines and raw header
 * sections. Every choice comes from the fuzzer's seeded generator, so a run replays
 * exactly.
 */
final class HostileEdges {

	/**
	 * Planted where only a secret would be (an API key, a token, a password field): the
	 * log must never show it.
	 */
	static final String MARKER = "FUZZ-SECRET-7f3a9c";

	private static final Pattern LOGIN_FIELD = Pattern
		.compile("<input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\">");

	private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

	/** Query parameter names the server reads somewhere, and some it never does. */
	private static final String[] PARAMETERS = { "from", "to", "tz", "screen_id", "interval", "size", "limit",
			"before_id", "format", "sort", "order", "next", "apikey", "token", "session_id", "x", "", "a[]", "%", "=" };

	/** Pieces a careless or hostile client leaves in a query string, sent as they are. */
	private static final String[] BROKEN_ESCAPES = { "%ff", "%zz", "%", "%e0%b8", "%c3%28", "%ed%a0%80", "%00",
			"%0d%0a", "%%", "%u0041", "%C0%AF", "+", "&&", "==", ";", "%2", "%F0%9F%8E", "%EF%BF%BF" };

	private static final String[] METHODS = { "GET", "GET", "POST", "HEAD", "get", "G ET", "TRACE", "CONNECT", "PRI",
			"", "OPTIONS", "PROPFIND", "DELETE", "GE\u0000T", "X".repeat(300), "GET\u00FF" };

	private static final String[] VERSIONS = { "HTTP/1.1", "HTTP/1.1", "HTTP/1.0", "HTTP/2.0", "HTTP/1.1x", "http/1.1",
			"HTTP/01.1", "", "HTTP/1.1 extra", "HTTP/9.9", "HTTP/1.", "HTTP" };

	/** What is needed to reach past authentication everywhere. */
	record Keys(String apiKey, String adminToken, String metricsToken, String cookie, String csrf, String loginCookie,
			String loginField) {
	}

	/** A world of its own that the admin and dashboard attacks may change. */
	record Playground(long partnerId, long campaignId, long screenId, String slug, String session, Keys keys) {
	}

	private final Random random;

	private final Generator generator;

	private final Playground playground;

	private final String partnerSlug;

	HostileEdges(Random random, Generator generator, Playground playground, String partnerSlug) {
		this.random = random;
		this.generator = generator;
		this.playground = playground;
		this.partnerSlug = partnerSlug;
	}

	/**
	 * A fresh world, an operator logged in to the dashboard, and the login form's token
	 * of a second browser that never logs in.
	 */
	static Playground playground(Fixtures fixtures, Http http, String apiKey) {
		Fixtures.World world = fixtures.world(2);
		String session = fixtures.scan(world.slug());
		Http.Answer form = http.get("/dashboard/login").send();
		Matcher field = LOGIN_FIELD.matcher(form.body());
		assertThat(field.find()).as(form.toString()).isTrue();
		String loginCookie = cookie(form, "SE_DASHBOARD_LOGIN");
		Http.Answer login = http.post("/dashboard/login")
			.header("Cookie", "SE_DASHBOARD_LOGIN=" + loginCookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.body("_csrf=" + enc(field.group(1)) + "&token=" + enc(IntegrationTest.ADMIN_TOKEN))
			.send();
		assertThat(login.status()).as(login.toString()).isEqualTo(302);
		String cookie = login.headers()
			.entrySet()
			.stream()
			.filter((e) -> e.getKey().equalsIgnoreCase("Set-Cookie"))
			.flatMap((e) -> e.getValue().stream())
			.map((value) -> value.split(";", 2)[0])
			.filter((pair) -> !pair.endsWith("="))
			.reduce((a, b) -> a + "; " + b)
			.orElseThrow();
		Http.Answer page = http.get("/dashboard/screens").header("Cookie", cookie).send();
		Matcher meta = CSRF_META.matcher(page.body());
		assertThat(meta.find()).as(page.toString()).isTrue();
		Http.Answer second = http.get("/dashboard/login").send();
		Matcher secondField = LOGIN_FIELD.matcher(second.body());
		assertThat(secondField.find()).isTrue();
		Keys keys = new Keys(apiKey, IntegrationTest.ADMIN_TOKEN, IntegrationTest.METRICS_TOKEN, cookie, meta.group(1),
				cookie(second, "SE_DASHBOARD_LOGIN"), secondField.group(1));
		return new Playground(world.partnerId(), world.campaignId(), world.screenId(), world.slug(), session, keys);
	}

	private static String cookie(Http.Answer answer, String name) {
		return answer.headers()
			.entrySet()
			.stream()
			.filter((e) -> e.getKey().equalsIgnoreCase("Set-Cookie"))
			.flatMap((e) -> e.getValue().stream())
			.filter((value) -> value.startsWith(name + "="))
			.map((value) -> value.substring(name.length() + 1).split(";", 2)[0])
			.findFirst()
			.orElseThrow(() -> new AssertionError("no cookie " + name + " in " + answer));
	}

	/** The next attack of one of the kinds this class makes. */
	Attack next() {
		int pick = this.random.nextInt(100);
		if (pick < 30) {
			return query();
		}
		if (pick < 58) {
			return admin();
		}
		if (pick < 80) {
			return form();
		}
		if (pick < 90) {
			return line();
		}
		return headers();
	}

	// ---------------------------------------------------------------- query strings

	/** A route of every kind, its credentials, and a hostile query string. */
	Attack query() {
		Keys keys = this.playground.keys();
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
						+ this.generator.pick("funnel", "breakdown", "timeseries", "sessions.csv");
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
			String name = this.random.nextInt(4) == 0 ? this.generator.encode(this.generator.text())
					: this.generator.pick(PARAMETERS);
			String value = switch (this.random.nextInt(8)) {
				case 0 -> this.generator.encode(this.generator.text());
				case 1 -> MARKER + this.generator.pick(BROKEN_ESCAPES);
				case 2 -> this.generator.pick(BROKEN_ESCAPES);
				case 3 -> "2026-11-" + this.random.nextInt(40);
				case 4 -> this.generator.pick("Asia/Bangkok", "UTC", "Mars/Olympus", "+99:00", "day", "hour", "csv",
						"json", "-1", "0", "99999999999999999999", "512", "4096", "FORM_APPROVED.conversion", "desc");
				case 5 -> "\u00FF\u0080" + MARKER;
				default -> this.generator.encode(this.generator.pick(this.generator.text(), MARKER));
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

	// ---------------------------------------------------------------- the admin API

	/** An admin call with hostile ids, bodies (JSON, form, CSV) and queries. */
	Attack admin() {
		Map<String, String> headers = new LinkedHashMap<>();
		int auth = this.random.nextInt(100);
		if (auth < 90) {
			headers.put("Authorization", "Bearer " + this.playground.keys().adminToken());
		}
		else if (auth < 96) {
			headers.put("Authorization", this.generator.pick("Bearer " + MARKER, "Bearer", "Basic " + MARKER,
					"bearer " + this.playground.keys().adminToken(), MARKER));
		}
		String campaign = id(this.playground.campaignId());
		int pick = this.random.nextInt(13);
		String method = pick < 8 ? "POST" : "GET";
		String path;
		Body body = new Body(null, "no body");
		switch (pick) {
			case 0 -> {
				path = "/admin/api/partners";
				body = adminBody(List.of("name"));
			}
			case 1 -> {
				path = "/admin/api/screens";
				body = adminBody(List.of("name", "location"));
			}
			case 2 -> {
				path = "/admin/api/campaigns";
				body = campaignBody();
			}
			case 3 -> {
				path = "/admin/api/campaigns/" + campaign + "/coupon-codes";
				body = codesBody(headers);
			}
			case 4 -> {
				path = "/admin/api/campaigns/" + campaign + "/placements";
				body = new Body(utf8("{\"screen_id\": " + numberish(this.playground.screenId()) + "}"), "screen_id");
			}
			case 5 -> path = "/admin/api/campaigns/" + campaign + "/" + this.generator.pick("pause", "resume");
			case 6 -> {
				path = "/admin/api/flows";
				body = flowBody();
			}
			case 7 -> {
				path = "/admin/api/partners/" + id(this.playground.partnerId()) + "/api-keys";
				body = this.random.nextBoolean() ? new Body(null, "no body")
						: this.generator.objectBody(List.of("mode", "name"));
			}
			case 8 -> path = "/admin/api/campaigns/" + campaign + "/"
					+ this.generator.pick("funnel", "breakdown", "timeseries", "sessions.csv") + "?"
					+ this.generator.pick("from", "to", "tz", "interval", "sort", "screen_id", "format") + "="
					+ this.generator.encode(this.generator.text());
			case 9 -> path = "/admin/api/audit?limit=" + this.generator.encode(this.generator.text()) + "&before_id="
					+ this.generator.encode(this.generator.pick("1", "-1", "0", "1e3", this.generator.text()));
			case 10 -> path = "/admin/api/placements/"
					+ (this.random.nextBoolean() ? this.playground.slug()
							: this.generator.encode(this.generator.text()))
					+ "/" + this.generator.pick("qr.png", "qr.svg") + "?size="
					+ this.generator.encode(this.generator.pick("63", "64", "2048", "2049", "-5", "1e9", "abc", ""));
			case 11 ->
				path = "/admin/api/" + this.generator.pick("partners/", "screens/", "campaigns/", "flows/", "api-keys/")
						+ this.generator.encode(this.generator.text());
			default -> path = "/admin/api/campaigns/" + campaign;
		}
		if (method.equals("POST") && body.bytes() != null && !headers.containsKey("Content-Type")) {
			headers.put("Content-Type",
					this.random.nextInt(6) == 0 ? this.generator.pick("application/x-www-form-urlencoded", "text/csv",
							"text/plain", "application/xml", "") : "application/json");
		}
		if (this.random.nextInt(15) == 0) {
			method = this.generator.pick("PUT", "PATCH", "DELETE", "OPTIONS", "HEAD");
		}
		return new Attack("admin", method, path, headers, body.bytes(), false, false, null, null, body.label());
	}

	/** JSON of the fields (mostly), or a form body, proper or broken. */
	private Body adminBody(List<String> fields) {
		return switch (this.random.nextInt(6)) {
			case 0 -> formBody(fields, false);
			default -> this.generator.objectBody(fields);
		};
	}

	/**
	 * A campaign with hostile fields; its coupon quota is small or invalid, never a pool
	 * large enough to slow the run down.
	 */
	private Body campaignBody() {
		if (this.random.nextInt(4) == 0) {
			return this.generator.objectBody(List.of("partner_id", "name", "form_url", "coupon_quota"));
		}
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("partner_id", numberish(this.playground.partnerId()));
		fields.put("name", this.generator.quote(this.generator.text()));
		fields.put("form_url",
				this.generator.quote(this.generator.pick("https://partner.example/form", "javascript:alert(1)",
						"http://", "ftp://x", "https://x/" + this.generator.text(),
						"https://partner.example/\u202Eevil", "//evil.example", this.generator.text())));
		maybe(fields, "coupon_quota", this.generator.pick("0", "1", "3", "-1", "1000001", "\"3\"", "3.5", "null",
				"99999999999999999999", "[]"));
		maybe(fields, "coupon_codes", "[" + this.generator.quote(this.generator.text()) + ", "
				+ this.generator.quote(this.generator.text()) + "]");
		maybe(fields, "coupon_valid_days", this.generator.pick("0", "1", "-1", "36500", "365000", "\"x\"", "1.5"));
		maybe(fields, "session_ttl_minutes", this.generator.pick("0", "1", "-5", "525600", "99999999", "\"\""));
		maybe(fields, "starts_at", this.generator.quote(this.generator.pick("2026-12-01T09:00:00+07:00",
				"2026-13-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "yesterday", this.generator.text())));
		maybe(fields, "ends_at", this.generator.quote(this.generator.pick("2026-12-31T09:00:00+07:00",
				"1970-01-01T00:00:00Z", "2026-11-30", this.generator.text())));
		maybe(fields, "flow",
				this.generator.quote(this.generator.pick("FILL_FORM", "fill_form", "NOPE", this.generator.text())));
		StringBuilder json = new StringBuilder("{");
		fields.forEach((name, value) -> json.append(json.length() > 1 ? "," : "")
			.append('"')
			.append(name)
			.append("\":")
			.append(value));
		String text = json.append('}').toString();
		return new Body(utf8(text), "campaign " + text);
	}

	/** A list of codes as JSON, or a CSV file with hostile lines and bytes. */
	private Body codesBody(Map<String, String> headers) {
		if (this.random.nextBoolean()) {
			List<String> codes = new ArrayList<>();
			for (int i = this.random.nextInt(5); i >= 0; i--) {
				codes.add(this.random.nextInt(3) == 0 ? this.generator.value(1)
						: this.generator.quote(this.generator.text()));
			}
			String json = "[" + String.join(",", codes) + "]";
			return new Body(utf8(json), "codes " + json);
		}
		headers.put("Content-Type", this.generator.pick("text/csv", "text/plain", "text/csv; charset=ISO-8859-1"));
		ByteArrayOutputStream csv = new ByteArrayOutputStream();
		for (int i = this.random.nextInt(6); i >= 0; i--) {
			switch (this.random.nextInt(6)) {
				case 0 -> csv.writeBytes(this.generator.pick(new byte[][] { { (byte) 0xC9 }, { (byte) 0xFF },
						{ (byte) 0xC3, 0x28 }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 } }));
				case 1 -> csv.writeBytes(utf8("\"" + this.generator.text()));
				case 2 -> csv.writeBytes(utf8("\uFEFFcode"));
				default -> csv.writeBytes(utf8(this.generator.text().replace("\n", " ").replace("\r", " ")));
			}
			csv.writeBytes(utf8(this.generator.pick("\n", "\r\n", "\r")));
		}
		return new Body(csv.toByteArray(), "csv of " + csv.size() + " bytes");
	}

	private Body flowBody() {
		if (this.random.nextInt(3) == 0) {
			return this.generator.objectBody(List.of("name", "steps", "reward_step", "failure_steps"));
		}
		String steps = "[" + this.generator.quote(this.generator.pick("STEP_A", "step a", this.generator.text())) + ","
				+ this.generator.quote(this.generator.pick("STEP_B", "SCANNED", "COUPON_ISSUED", "STEP_A")) + "]";
		String json = "{\"name\":"
				+ this.generator
					.quote(this.generator.pick("FUZZ_FLOW", "fill_form", "FILL_FORM", this.generator.text()))
				+ ",\"steps\":" + steps + ",\"reward_step\":"
				+ this.generator.quote(this.generator.pick("STEP_B", "NOPE", "")) + ",\"failure_steps\":"
				+ this.generator.pick("[]", "[\"STEP_A\"]", "null", "\"x\"") + "}";
		return new Body(utf8(json), "flow " + json);
	}

	// ---------------------------------------------------------------- the dashboard's
	// forms

	/** A dashboard form post by the logged-in operator (mostly), fields hostile. */
	Attack form() {
		Keys keys = this.playground.keys();
		Map<String, String> headers = new LinkedHashMap<>();
		String campaign = id(this.playground.campaignId());
		String path;
		List<String> fields;
		boolean login = false;
		switch (this.random.nextInt(9)) {
			case 0 -> {
				path = "/dashboard/partners";
				fields = List.of("name");
			}
			case 1 -> {
				path = "/dashboard/screens";
				fields = List.of("name", "location");
			}
			case 2 -> {
				path = "/dashboard/campaigns";
				fields = List.of("partnerId", "name", "formUrl", "flow", "coupons", "couponQuota", "couponValidDays",
						"sessionTtlMinutes", "startsAt", "endsAt", "timeZone");
			}
			case 3 -> {
				path = "/dashboard/flows";
				fields = List.of("name", "steps", "reward_step", "failure_steps");
			}
			case 4 -> {
				path = "/dashboard/campaigns/" + campaign + "/placements";
				fields = List.of("screen_id");
			}
			case 5 -> {
				path = "/dashboard/campaigns/" + campaign + "/" + this.generator.pick("pause", "resume");
				fields = List.of();
			}
			case 6 -> {
				path = "/dashboard/api/campaigns";
				fields = List.of("partner_id", "name", "form_url", "coupon_quota");
			}
			default -> {
				path = "/dashboard/login";
				fields = List.of("token", "next");
				login = true;
			}
		}
		Body body;
		if (path.startsWith("/dashboard/api/")) {
			headers.put("Content-Type", "application/json");
			if (this.random.nextInt(8) > 0) {
				headers.put("X-CSRF-Token", keys.csrf());
			}
			body = this.generator.objectBody(fields);
		}
		else {
			headers.put("Content-Type",
					this.random.nextInt(10) == 0
							? this.generator.pick("application/json", "text/plain", "multipart/form-data", "")
							: "application/x-www-form-urlencoded" + this.generator.pick("", "", "; charset=UTF-8",
									"; charset=ISO-8859-1", "; charset=bogus"));
			body = formBody(fields, true, login ? keys.loginField() : keys.csrf());
		}
		if (this.random.nextInt(12) > 0) {
			headers.put("Cookie", login ? "SE_DASHBOARD_LOGIN=" + keys.loginCookie() : keys.cookie());
		}
		return new Attack("form", "POST", path, headers, body.bytes(), false, false, null, null, body.label());
	}

	private Body formBody(List<String> fields, boolean csrf) {
		return formBody(fields, csrf, this.playground.keys().csrf());
	}

	/**
	 * Form fields URL-encoded as a browser would, or with broken escapes and raw bytes;
	 * the CSRF field (mostly right) added for the dashboard.
	 */
	private Body formBody(List<String> fields, boolean csrf, String csrfValue) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		List<String> names = new ArrayList<>(fields);
		if (csrf && this.random.nextInt(10) > 0) {
			names.add(0, "_csrf");
		}
		for (String name : names) {
			if (this.random.nextInt(10) == 0) {
				continue;
			}
			if (out.size() > 0) {
				out.write('&');
			}
			out.writeBytes(utf8(enc(name) + "="));
			if (name.equals("_csrf")) {
				out.writeBytes(utf8(this.random.nextInt(12) > 0 ? enc(csrfValue) : enc(this.generator.text())));
				continue;
			}
			switch (this.random.nextInt(7)) {
				case 0 -> out.writeBytes(utf8(this.generator.pick(BROKEN_ESCAPES)));
				case 1 -> out.writeBytes(new byte[] { (byte) 0xFF, (byte) 0xC3, 0x28 });
				case 2 -> out.writeBytes(utf8(enc(MARKER) + this.generator.pick(BROKEN_ESCAPES)));
				case 3 -> out.writeBytes(utf8(enc(this.generator.pick("3", "0", "-1", "abc", "1000001",
						"2026-12-01T09:00", "Asia/Bangkok", "generate", "FILL_FORM",
						String.valueOf(this.playground.partnerId()), String.valueOf(this.playground.screenId())))));
				default -> out.writeBytes(utf8(enc(this.generator.text())));
			}
		}
		if (this.random.nextInt(20) == 0) {
			out.writeBytes(utf8("&" + "x=1&".repeat(1500)));
		}
		return new Body(out.toByteArray(), "form " + new String(out.toByteArray(), StandardCharsets.ISO_8859_1));
	}

	// ---------------------------------------------------------------- raw request lines

	/**
	 * A request line of odd method, target, version, spacing or line ends, with odd Host,
	 * length and transfer-coding headers. A declared body is always sent in full, so the
	 * server never waits for bytes that will not come.
	 */
	Attack line() {
		String eol = this.random.nextInt(5) == 0 ? "\n" : "\r\n";
		String space = this.generator.pick(" ", " ", " ", "  ", "\t");
		String method = this.generator.pick(METHODS);
		String target = this.generator.pick("/s/" + this.partnerSlug,
				"/smart-engage/get/session/" + this.playground.session(), "/smart-engage/post/update-session-status",
				"*", "http://evil.example/s/" + this.partnerSlug, "s/x", "//s/" + this.partnerSlug,
				"/" + "a".repeat(9000), "/a b", "/%", "/?a=\u00FF", "/..%2f..%2fetc/passwd",
				"/s/" + this.partnerSlug + "#frag", "/dashboard/login", "/admin/api/partners", "/actuator/health");
		String version = this.generator.pick(VERSIONS);
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
				.append(this.generator.pick("evil.example", "a:99999", "[::1", "", "127.0.0.1:0", "x y", "\u00FF"))
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
				.append(this.generator.pick("-1", "abc", "99999999999999999999", "1 2", "0x10", "+0"))
				.append(eol);
			case 3 -> {
				body = this.generator.pick("0" + eol + eol, "zz" + eol + eol, "0;" + "e".repeat(5000) + eol + eol,
						"0" + eol + "X-Trailer: \u0001" + eol + eol, "-1" + eol + eol);
				head.append("Transfer-Encoding: ")
					.append(this.generator.pick("chunked", "chunked, chunked", "gzip, chunked", "CHUNKED",
							"chunked;x=1", " chunked"))
					.append(eol);
			}
			case 4 -> {
				body = "0" + eol + eol;
				head.append("Transfer-Encoding: chunked").append(eol).append("Content-Length: 3").append(eol);
			}
			case 5 -> head.append("Expect: ").append(this.generator.pick("100-continue", "x", "200-ok")).append(eol);
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
		Keys keys = this.playground.keys();
		StringBuilder head = new StringBuilder();
		String route = this.generator.pick("/s/" + this.partnerSlug,
				"/smart-engage/get/session/" + this.playground.session(), "/admin/api/partners",
				"/dashboard/campaigns/" + this.playground.campaignId(), "/actuator/prometheus", "/c/" + "A".repeat(32));
		head.append("GET ").append(route).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
		for (int i = 1 + this.random.nextInt(4); i > 0; i--) {
			switch (this.random.nextInt(12)) {
				case 0 -> head.append("API-KEY: ").append(keys.apiKey()).append("\r\nAPI-KEY: ").append(MARKER);
				case 1 ->
					head.append("API-KEY: ").append(MARKER).append(this.generator.pick("\u00FF", "\u0080", " ", ""));
				case 2 -> head.append("Authorization: ")
					.append(this.generator.pick("Bearer " + MARKER, "Bearer " + "x".repeat(7000), "Bearer",
							"Basic " + MARKER, "Bearer " + keys.adminToken() + "\u00FF",
							"Bearer  " + keys.adminToken()));
				case 3 -> head.append("Cookie: ")
					.append(this.generator.pick(keys.cookie() + "; " + keys.cookie(), "SE_DASHBOARD=" + MARKER, "=;;=",
							"SE_DASHBOARD=\"" + MARKER + "\"", "a=" + "b".repeat(6000)));
				case 4 ->
					head.append(this.generator.pick("Bad Header", "X\u00FF", "", "X:Y", "(x)", "X\tY")).append(": v");
				case 5 -> head.append("X-Many: 1\r\n".repeat(120)).append("X-Last: 1");
				case 6 ->
					head.append("X-Big: ").append("y".repeat(this.generator.pick(new int[] { 4000, 8200, 20_000 })));
				case 7 -> head.append("Content-Type: ")
					.append(this.generator.pick("application/json; charset=\u00FF",
							"multipart/form-data; boundary=" + "b".repeat(3000), ";;", "text/csv"));
				case 8 -> head.append("Accept: ")
					.append(this.generator.pick("*/*;q=x", "text/event-stream", "application/json;q=1000", "\u00FF"));
				case 9 -> head.append("X-Forwarded-For: ").append(this.generator.pick("1.2.3.4", "x", "::1, evil"));
				case 10 ->
					head.append("Range: bytes=").append(this.generator.pick("0-1", "-", "9-1", "0-1,".repeat(500)));
				default -> head.append("X-Value: ").append(this.generator.text().replace('\r', ' ').replace('\n', ' '));
			}
			head.append("\r\n");
		}
		head.append("Connection: close\r\n\r\n");
		return Attack.exact("header", "headers on " + route, queryBytes(head.toString()));
	}

	// ---------------------------------------------------------------- helpers

	/** Mostly the real id, else a hostile path segment. */
	private String id(long real) {
		return switch (this.random.nextInt(6)) {
			case 0 -> this.generator.encode(this.generator.text());
			case 1 -> this.generator.pick("0", "-1", "99999999999999999999", "1e3", "0x10", "%20", "1.0");
			default -> String.valueOf(real);
		};
	}

	/** Mostly the real id as a JSON number, else a hostile JSON value. */
	private String numberish(long real) {
		return this.random.nextInt(3) == 0 ? this.generator.value(1) : String.valueOf(real);
	}

	private void maybe(Map<String, String> fields, String name, String value) {
		if (this.random.nextInt(3) > 0) {
			fields.put(name, value);
		}
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static String cut(String text) {
		return text.length() <= 60 ? text : text.substring(0, 60) + "...";
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] out = new byte[first.length + second.length];
		System.arraycopy(first, 0, out, 0, first.length);
		System.arraycopy(second, 0, out, first.length, second.length);
		return out;
	}

}
