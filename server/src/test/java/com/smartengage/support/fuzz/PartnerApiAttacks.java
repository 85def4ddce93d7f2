package com.smartengage.support.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static com.smartengage.support.fuzz.Encoding.concat;
import static com.smartengage.support.fuzz.Encoding.utf8;
import static com.smartengage.support.fuzz.HostileText.encode;

/**
 * Hostile requests to every partner endpoint and the scan: JSON bodies from
 * {@link JsonBodies}, right, wrong and hostile keys, odd Content-Types and Accept
 * headers, escapes and dots in paths, and one in twelve over a raw socket with raw bytes
 * in the path or a header.
 */
final class PartnerApiAttacks {

	static final String UPDATE = "/smart-engage/post/update-session-status";

	static final String ENGAGE = "/smart-engage/post/engage-v3/";

	static final String VIEW = "/smart-engage/get/session/";

	static final String REDEEM = "/smart-engage/post/redeem-coupon";

	private static final String[] CONTENT_TYPES = { "application/json", "application/json; charset=utf-8",
			"application/json; charset=ISO-8859-1", "application/json; charset=UTF-16",
			"application/json; charset=bogus", "APPLICATION/JSON", "text/plain", "text/html", "application/xml",
			"application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "multipart/form-data",
			"application/octet-stream", "*/*", "", ";;;", "application/json, text/plain", "application/vnd.api+json",
			"application/merge-patch+json", "json", "application/", "/", "application/json; boundary=",
			"text/plain; charset=x-user-defined" };

	private static final String[] ACCEPTS = { "*/*", "application/json", "text/html", "application/xml", "image/png",
			"text/plain", "application/json;q=0", "garbage", "", "*/*;q=abc", "text/event-stream" };

	/** Path pieces a client sends as they are: escapes, dots, path parameters. */
	private static final String[] RAW_PIECES = { "", ".", "..", "%2e", "%2e%2e", "%2F", "%2f", "a%2Fb", "%5C",
			"%5c..%5c", "%00", "%0A", "%0d%0a", "%09", "%c3%28", "%ff", "%fe%ff", "%ed%a0%80", "%c0%af", "%f4%90%80%80",
			"%e0%b8%aa", ";x=1", "a;jsessionid=1", "%3B", "%3b%2f", "%25", "%2525", "%20", "+", "~", "%7E",
			"!$&'()*+,=:@", "%u0041", "%", "%z1", "%%", "%e0%b8", "%C3%A9", "%F0%9F%8E%9F" };

	private final Random random;

	private final Target target;

	private final HostileText text;

	private final JsonBodies bodies;

	PartnerApiAttacks(Random random, Target target, HostileText text, JsonBodies bodies) {
		this.random = random;
		this.target = target;
		this.text = text;
		this.bodies = bodies;
	}

	Attack next() {
		int pick = this.random.nextInt(100);
		Attack attack;
		if (pick < 24) {
			attack = update();
		}
		else if (pick < 48) {
			attack = engage();
		}
		else if (pick < 64) {
			attack = view();
		}
		else if (pick < 86) {
			attack = redeem();
		}
		else {
			attack = scan();
		}
		return maybeRaw(attack);
	}

	private Attack update() {
		Body body = this.bodies.objectBody(List.of("session_id", "new_status"));
		return partnerCall("update", postOrOther(), UPDATE, body);
	}

	private Attack engage() {
		Body body = switch (this.random.nextInt(6)) {
			case 0 -> new Body(null, "no body");
			case 1 -> new Body(utf8("{}"), "{}");
			case 2 -> new Body(utf8("[]"), "[]");
			default -> this.bodies.objectBody(List.of("session_id", "coupon", "quantity"));
		};
		return partnerCall("engage", postOrOther(), ENGAGE + sessionPiece(), body);
	}

	private Attack view() {
		Body body = this.random.nextInt(4) == 0 ? this.bodies.objectBody(List.of("session_id"))
				: new Body(null, "no body");
		String method = this.random.nextInt(8) == 0 ? this.text.pick("HEAD", "POST", "DELETE", "OPTIONS") : "GET";
		return partnerCall("view", method, VIEW + sessionPiece(), body);
	}

	private Attack redeem() {
		Body body = this.bodies.objectBody(List.of("coupon_code"));
		return partnerCall("redeem", postOrOther(), REDEEM, body);
	}

	private Attack scan() {
		String slug = switch (this.random.nextInt(5)) {
			case 0 -> this.text.pick(this.target.slugs());
			case 1 -> encode(this.text.mutate(this.text.pick(this.target.slugs())));
			case 2 -> this.text.pick(RAW_PIECES);
			default -> encode(this.text.text());
		};
		Map<String, String> headers = new LinkedHashMap<>();
		if (this.random.nextInt(3) > 0) {
			headers.put("User-Agent",
					this.random.nextBoolean() ? this.text.text()
							: this.text.pick("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Mobile/15E148",
									"facebookexternalhit/1.1", "curl/8.5.0", "", "Googlebot/2.1"));
		}
		maybeHeader(headers, "Accept", ACCEPTS);
		maybeHeader(headers, "Accept-Language", new String[] { "th-TH", "*", "xx;q=2", this.text.text() });
		String method = this.random.nextInt(6) == 0 ? this.text.pick("HEAD", "POST", "PUT", "DELETE", "OPTIONS")
				: "GET";
		Body body = method.equals("POST") ? this.bodies.objectBody(List.of("slug")) : new Body(null, "no body");
		return new Attack("scan", method, "/s/" + slug, headers, body.bytes(), false, false, null, null, body.label());
	}

	private Attack partnerCall(String kind, String method, String path, Body body) {
		Map<String, String> headers = new LinkedHashMap<>();
		int key = this.random.nextInt(100);
		String apiKey = this.target.world().apiKey();
		if (key < 78) {
			headers.put(this.text.pick("API-KEY", "api-key", "Api-Key"), apiKey);
		}
		else if (key < 84) {
			headers.put("API-KEY", this.target.otherKey());
		}
		else if (key < 90) {
			headers.put("API-KEY", this.text.pick("", " ", apiKey + " ", apiKey.toUpperCase(Locale.ROOT),
					apiKey.substring(0, 20), "se_" + "A".repeat(43), "x".repeat(201)));
		}
		else if (key < 96) {
			headers.put("API-KEY", this.text.text());
		}
		if (this.random.nextInt(4) > 0) {
			headers.put("Content-Type",
					this.random.nextInt(2) == 0 ? "application/json" : this.text.pick(CONTENT_TYPES));
		}
		if (this.random.nextInt(10) == 0) {
			headers.put("Idempotency-Key", switch (this.random.nextInt(4)) {
				case 0 -> UUID.randomUUID().toString();
				case 1 -> "fuzz-" + this.random.nextInt(5);
				default -> this.text.text();
			});
		}
		maybeHeader(headers, "Accept", ACCEPTS);
		maybeHeader(headers, "Content-Encoding", new String[] { "gzip", "br", "identity", "x" });
		return new Attack(kind, method, path, headers, body.bytes(), this.random.nextInt(12) == 0, false, null, null,
				body.label());
	}

	/**
	 * One in twelve goes out over a raw socket: raw bytes in the path or a header.
	 */
	private Attack maybeRaw(Attack attack) {
		if (this.random.nextInt(12) != 0) {
			return attack;
		}
		int slash = attack.path().lastIndexOf('/');
		String prefix = attack.path().substring(0, slash + 1);
		if (this.random.nextBoolean()
				&& (attack.kind().equals("engage") || attack.kind().equals("view") || attack.kind().equals("scan"))) {
			ByteArrayOutputStream path = new ByteArrayOutputStream();
			path.writeBytes(prefix.getBytes(StandardCharsets.ISO_8859_1));
			switch (this.random.nextInt(5)) {
				case 0 -> path.writeBytes(utf8(this.text.text().replace('\r', '_').replace('\n', '_')));
				case 1 -> path.writeBytes(this.text.pick(HostileText.BAD_UTF8));
				case 2 ->
					path.writeBytes(new byte[] { this.text.pick(new byte[] { 0, 1, 7, 8, 9, 11, 12, 27, 31, 127 }) });
				case 3 -> path.writeBytes(utf8(this.text.pick(" ", "\\", "<>", "{}", "|", "^", "`", "\"", "#x", "[]")));
				default -> path.writeBytes(utf8(this.text.pick(RAW_PIECES)));
			}
			return attack.withRaw(path.toByteArray(), null);
		}
		byte[] header = switch (this.random.nextInt(5)) {
			case 0 -> concat(utf8("API-KEY: "), utf8(this.text.text()));
			case 1 -> concat(utf8("API-KEY: "), this.text.pick(HostileText.BAD_UTF8));
			case 2 -> utf8("API-KEY: a\u0000b");
			case 3 -> utf8("API KEY: x");
			default -> concat(utf8("X-Fuzz: "), utf8("y".repeat(this.text.pick(new int[] { 10, 4000, 9000, 20_000 }))));
		};
		return attack.withRaw(null, header);
	}

	private String postOrOther() {
		return this.random.nextInt(12) == 0 ? this.text.pick("GET", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD")
				: "POST";
	}

	/**
	 * A path segment: mostly hostile text, properly escaped; sometimes raw escapes or
	 * real ids.
	 */
	private String sessionPiece() {
		return switch (this.random.nextInt(10)) {
			case 0, 1 -> this.text.pick(RAW_PIECES);
			case 2 -> this.text.pick(this.target.sessions())
					+ this.text.pick("", "/", "//", "/extra", ";v=1", "%00", "%20", "?x=1", "%2F..", "/..");
			case 3 -> this.text.idLike();
			default -> encode(this.text.text());
		};
	}

	private void maybeHeader(Map<String, String> headers, String name, String[] values) {
		if (this.random.nextInt(10) == 0) {
			headers.put(name, this.text.pick(values));
		}
	}

}
