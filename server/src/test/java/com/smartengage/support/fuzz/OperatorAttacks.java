package com.smartengage.support.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static com.smartengage.support.fuzz.Encoding.urlEncoded;
import static com.smartengage.support.fuzz.Encoding.utf8;
import static com.smartengage.support.fuzz.HostileRequests.MARKER;
import static com.smartengage.support.fuzz.HostileText.BROKEN_ESCAPES;
import static com.smartengage.support.fuzz.HostileText.encode;

/**
 * Hostile requests an operator's client could send: the admin API with hostile ids,
 * bodies (JSON, forms, CSV) and queries, and the dashboard's forms posted by the
 * logged-in operator with hostile fields. Both aim at the {@link Playground}, which they
 * may change.
 */
final class OperatorAttacks {

	private final Random random;

	private final Playground playground;

	private final HostileText text;

	private final JsonBodies bodies;

	OperatorAttacks(Random random, Playground playground, HostileText text, JsonBodies bodies) {
		this.random = random;
		this.playground = playground;
		this.text = text;
		this.bodies = bodies;
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
			headers.put("Authorization", this.text.pick("Bearer " + MARKER, "Bearer", "Basic " + MARKER,
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
			case 5 -> path = "/admin/api/campaigns/" + campaign + "/" + this.text.pick("pause", "resume");
			case 6 -> {
				path = "/admin/api/flows";
				body = flowBody();
			}
			case 7 -> {
				path = "/admin/api/partners/" + id(this.playground.partnerId()) + "/api-keys";
				body = this.random.nextBoolean() ? new Body(null, "no body")
						: this.bodies.objectBody(List.of("mode", "name"));
			}
			case 8 -> path = "/admin/api/campaigns/" + campaign + "/"
					+ this.text.pick("funnel", "breakdown", "timeseries", "sessions.csv") + "?"
					+ this.text.pick("from", "to", "tz", "interval", "sort", "screen_id", "format") + "="
					+ encode(this.text.text());
			case 9 -> path = "/admin/api/audit?limit=" + encode(this.text.text()) + "&before_id="
					+ encode(this.text.pick("1", "-1", "0", "1e3", this.text.text()));
			case 10 -> path = "/admin/api/placements/"
					+ (this.random.nextBoolean() ? this.playground.slug() : encode(this.text.text())) + "/"
					+ this.text.pick("qr.png", "qr.svg") + "?size="
					+ encode(this.text.pick("63", "64", "2048", "2049", "-5", "1e9", "abc", ""));
			case 11 ->
				path = "/admin/api/" + this.text.pick("partners/", "screens/", "campaigns/", "flows/", "api-keys/")
						+ encode(this.text.text());
			default -> path = "/admin/api/campaigns/" + campaign;
		}
		if (method.equals("POST") && body.bytes() != null && !headers.containsKey("Content-Type")) {
			headers.put("Content-Type",
					this.random.nextInt(6) == 0 ? this.text.pick("application/x-www-form-urlencoded", "text/csv",
							"text/plain", "application/xml", "") : "application/json");
		}
		if (this.random.nextInt(15) == 0) {
			method = this.text.pick("PUT", "PATCH", "DELETE", "OPTIONS", "HEAD");
		}
		return new Attack("admin", method, path, headers, body.bytes(), false, false, null, null, body.label());
	}

	/** JSON of the fields (mostly), or a form body, proper or broken. */
	private Body adminBody(List<String> fields) {
		return switch (this.random.nextInt(6)) {
			case 0 -> formBody(fields, false);
			default -> this.bodies.objectBody(fields);
		};
	}

	/**
	 * A campaign with hostile fields; its coupon quota is small or invalid, never a pool
	 * large enough to slow the run down.
	 */
	private Body campaignBody() {
		if (this.random.nextInt(4) == 0) {
			return this.bodies.objectBody(List.of("partner_id", "name", "form_url", "coupon_quota"));
		}
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("partner_id", numberish(this.playground.partnerId()));
		fields.put("name", this.text.quote(this.text.text()));
		fields.put("form_url",
				this.text.quote(this.text.pick("https://partner.example/form", "javascript:alert(1)", "http://",
						"ftp://x", "https://x/" + this.text.text(), "https://partner.example/\u202Eevil",
						"//evil.example", this.text.text())));
		maybe(fields, "coupon_quota",
				this.text.pick("0", "1", "3", "-1", "1000001", "\"3\"", "3.5", "null", "99999999999999999999", "[]"));
		maybe(fields, "coupon_codes",
				"[" + this.text.quote(this.text.text()) + ", " + this.text.quote(this.text.text()) + "]");
		maybe(fields, "coupon_valid_days", this.text.pick("0", "1", "-1", "36500", "365000", "\"x\"", "1.5"));
		maybe(fields, "session_ttl_minutes", this.text.pick("0", "1", "-5", "525600", "99999999", "\"\""));
		maybe(fields, "starts_at", this.text.quote(this.text.pick("2026-12-01T09:00:00+07:00", "2026-13-01T00:00:00Z",
				"+999999999-12-31T23:59:59Z", "yesterday", this.text.text())));
		maybe(fields, "ends_at", this.text.quote(
				this.text.pick("2026-12-31T09:00:00+07:00", "1970-01-01T00:00:00Z", "2026-11-30", this.text.text())));
		maybe(fields, "flow", this.text.quote(this.text.pick("FILL_FORM", "fill_form", "NOPE", this.text.text())));
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
				codes.add(this.random.nextInt(3) == 0 ? this.bodies.value(1) : this.text.quote(this.text.text()));
			}
			String json = "[" + String.join(",", codes) + "]";
			return new Body(utf8(json), "codes " + json);
		}
		headers.put("Content-Type", this.text.pick("text/csv", "text/plain", "text/csv; charset=ISO-8859-1"));
		ByteArrayOutputStream csv = new ByteArrayOutputStream();
		for (int i = this.random.nextInt(6); i >= 0; i--) {
			switch (this.random.nextInt(6)) {
				case 0 -> csv.writeBytes(this.text.pick(new byte[][] { { (byte) 0xC9 }, { (byte) 0xFF },
						{ (byte) 0xC3, 0x28 }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 } }));
				case 1 -> csv.writeBytes(utf8("\"" + this.text.text()));
				case 2 -> csv.writeBytes(utf8("\uFEFFcode"));
				default -> csv.writeBytes(utf8(this.text.text().replace("\n", " ").replace("\r", " ")));
			}
			csv.writeBytes(utf8(this.text.pick("\n", "\r\n", "\r")));
		}
		return new Body(csv.toByteArray(), "csv of " + csv.size() + " bytes");
	}

	private Body flowBody() {
		if (this.random.nextInt(3) == 0) {
			return this.bodies.objectBody(List.of("name", "steps", "reward_step", "failure_steps"));
		}
		String steps = "[" + this.text.quote(this.text.pick("STEP_A", "step a", this.text.text())) + ","
				+ this.text.quote(this.text.pick("STEP_B", "SCANNED", "COUPON_ISSUED", "STEP_A")) + "]";
		String json = "{\"name\":"
				+ this.text.quote(this.text.pick("FUZZ_FLOW", "fill_form", "FILL_FORM", this.text.text()))
				+ ",\"steps\":" + steps + ",\"reward_step\":" + this.text.quote(this.text.pick("STEP_B", "NOPE", ""))
				+ ",\"failure_steps\":" + this.text.pick("[]", "[\"STEP_A\"]", "null", "\"x\"") + "}";
		return new Body(utf8(json), "flow " + json);
	}

	// ---------------------------------------------------------------- the dashboard's
	// forms

	/** A dashboard form post by the logged-in operator (mostly), fields hostile. */
	Attack form() {
		Playground.Keys keys = this.playground.keys();
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
				path = "/dashboard/campaigns/" + campaign + "/" + this.text.pick("pause", "resume");
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
			body = this.bodies.objectBody(fields);
		}
		else {
			headers.put("Content-Type", this.random.nextInt(10) == 0
					? this.text.pick("application/json", "text/plain", "multipart/form-data", "")
					: "application/x-www-form-urlencoded"
							+ this.text.pick("", "", "; charset=UTF-8", "; charset=ISO-8859-1", "; charset=bogus"));
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
			out.writeBytes(utf8(urlEncoded(name) + "="));
			if (name.equals("_csrf")) {
				out.writeBytes(
						utf8(this.random.nextInt(12) > 0 ? urlEncoded(csrfValue) : urlEncoded(this.text.text())));
				continue;
			}
			switch (this.random.nextInt(7)) {
				case 0 -> out.writeBytes(utf8(this.text.pick(BROKEN_ESCAPES)));
				case 1 -> out.writeBytes(new byte[] { (byte) 0xFF, (byte) 0xC3, 0x28 });
				case 2 -> out.writeBytes(utf8(urlEncoded(MARKER) + this.text.pick(BROKEN_ESCAPES)));
				case 3 -> out.writeBytes(utf8(urlEncoded(this.text.pick("3", "0", "-1", "abc", "1000001",
						"2026-12-01T09:00", "Asia/Bangkok", "generate", "FILL_FORM",
						String.valueOf(this.playground.partnerId()), String.valueOf(this.playground.screenId())))));
				default -> out.writeBytes(utf8(urlEncoded(this.text.text())));
			}
		}
		if (this.random.nextInt(20) == 0) {
			out.writeBytes(utf8("&" + "x=1&".repeat(1500)));
		}
		return new Body(out.toByteArray(), "form " + new String(out.toByteArray(), StandardCharsets.ISO_8859_1));
	}

	// ---------------------------------------------------------------- helpers

	/** Mostly the real id, else a hostile path segment. */
	private String id(long real) {
		return switch (this.random.nextInt(6)) {
			case 0 -> encode(this.text.text());
			case 1 -> this.text.pick("0", "-1", "99999999999999999999", "1e3", "0x10", "%20", "1.0");
			default -> String.valueOf(real);
		};
	}

	/** Mostly the real id as a JSON number, else a hostile JSON value. */
	private String numberish(long real) {
		return this.random.nextInt(3) == 0 ? this.bodies.value(1) : String.valueOf(real);
	}

	private void maybe(Map<String, String> fields, String name, String value) {
		if (this.random.nextInt(3) > 0) {
			fields.put(name, value);
		}
	}

}
