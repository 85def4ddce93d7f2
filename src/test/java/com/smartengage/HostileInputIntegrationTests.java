package com.smartengage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.RawHttp;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.LogCapture;
import com.smartengage.support.ServerTests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Tens of thousands of hostile requests, made by a seeded random generator, against every
 * partner endpoint and the scan (malformed JSON, wrong types, huge and odd text, bad
 * bytes, odd headers and paths), and through {@link HostileEdges} against query strings
 * on every kind of route, the admin API, the dashboard's forms, raw request lines and raw
 * header sections. The server must never answer 5xx, must answer every partner and admin
 * API 4xx with a JSON {@code error_msg}, and a rejected request must change nothing; its
 * log must show no stack trace, no error and no secret (keys, tokens, the session cookie,
 * a marker planted where only secrets go). The seed is printed; replay a run with
 * {@code -Dfuzz.seed=<seed>} (and change the count with {@code -Dfuzz.requests=<n>}).
 * <p>
 * The rate limits are off in this server of its own: a limit would answer 429 to most of
 * the run and keep it from reaching the code behind.
 */
@IntegrationTest
@TestPropertySource(properties = { "smart-engage.rate-limit.scan-enabled=false",
		"smart-engage.rate-limit.partner-api-enabled=false", "smart-engage.rate-limit.login-enabled=false" })
class HostileInputIntegrationTests extends ServerTests {

	private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());

	private static final int REQUESTS = Integer.getInteger("fuzz.requests", 20_000);

	private static final int MAX_BODY = 16 * 1024;

	private static final String UPDATE = "/smart-engage/post/update-session-status";

	private static final String ENGAGE = "/smart-engage/post/engage-v3/";

	private static final String VIEW = "/smart-engage/get/session/";

	private static final String REDEEM = "/smart-engage/post/redeem-coupon";

	private static final String[] SQL = { "' OR '1'='1", "' OR 1=1 --", "'; DROP TABLE journey_session; --",
			"\"; DROP TABLE coupon; --", "1; SELECT pg_sleep(10); --", "' UNION SELECT key_hash FROM api_key --",
			"/* comment */", "*/ OR /*", "-- ", "%' OR '%'='", "\\'; --", "$$; --", "E'\\x00'",
			"' || (SELECT version()) || '", "1) OR (1=1", "'); UPDATE coupon SET session_id = NULL; --", "';", "\\",
			"%", "_", "[a-z]*", "' AND SLEEP(5) AND '1'='1", "CALL SYSTEM('ls')" };

	private static final String[] WORDS = { "null", "undefined", "NaN", "true", "false", "0", "-1", "1e309", "[]", "{}",
			"${jndi:ldap://127.0.0.1/a}", "{{7*7}}", "#{7*7}", "<script>alert(1)</script>", "../../../../etc/passwd",
			"..\\..\\windows\\win.ini", "%s%s%s%n", "%00", "%2F", "\\u0000", "AAAA", "javascript:alert(1)", "\"",
			"\"\"", "\\\"", "'", "`", "<!--", "]]>", "&amp;", "+", "*" };

	private static final String[] UNICODE = { "สวัสดีครับ รับคูปองส่วนลด", "คูปอง", "\uD83C\uDF9F\uFE0F",
			"\uD83D\uDD25\uD83D\uDCAF", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66",
			"\u202Eevil\u202C", "\u200B", "\uFEFF", "e\u0301\u0301\u0301\u0301", "Ω≈ç√∫", "ｆｕｌｌｗｉｄｔｈ",
			"\u0E01\u0E34\u0E48\u0E49\u0E4C", "Z\u0334\u0321\u0327\u031B\u0348\u034D\u0324", "\uD835\uDD73\uD835\uDD8A",
			"\uFFFD", "\uFFFE", "\uFFFF", "\uE000", "\u00A0", "\u3000", "ß", "İ", "ﬃ" };

	private static final String[] CONTROL = { "\u0000", "\u0001", "\b", "\t", "\n", "\r", "\r\n", "\u001B[31m",
			"\u007F", "\u0085", "\u2028", "\u2029", "\u0000\u0000\u0000" };

	private static final String[] LONE_SURROGATES = { "\uD800", "\uDBFF", "\uDC00", "x\uD800y", "\uDC00\uD800" };

	private static final String[] STEPS = { "FORM_SUBMITTED", "FORM_REVIEWING", "FORM_APPROVED", "FORM_REJECTED",
			"SCANNED", "COUPON_ISSUED", "COUPON_REDEEMED", "form_reviewing", " FORM_REVIEWING", "FORM_REVIEWING ",
			"FORM_REVIEWING\u0000", "FORM REVIEWING", "FORM_REVIEWIN", "FORM_REVIEWINGG", "FILL_FORM" };

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

	private static final byte[][] BAD_UTF8 = { { (byte) 0xC3, 0x28 }, { (byte) 0xFF }, { (byte) 0xFE },
			{ (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, { (byte) 0xC0, (byte) 0xAF }, { (byte) 0xC0, (byte) 0x80 },
			{ (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 }, { (byte) 0x80 }, { (byte) 0xE2, (byte) 0x82 },
			{ (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 } };

	private static final String[] MALFORMED = { "{", "}", "[", "{\"session_id\":}", "{'session_id':'x'}",
			"{session_id: \"x\"}", "{\"session_id\": \"x\",}", "{\"session_id\" \"x\"}", "{\"a\":1}{\"b\":2}",
			"// comment\n{}", "/* c */ {}", "{\"session_id\": NaN}", "{\"session_id\": Infinity}", "{\"x\": 01}",
			"{\"x\": 0x10}", "{\"x\": .5}", "{\"x\": 1.}", "{\"x\": \"\\x41\"}", "{\"x\": \"\\u12\"}",
			"{\"x\": \"\\q\"}", "{\"x\": \"unterminated}", "{\"x\": tru}", "{\"x\": nul}", "\"", "'", "nul",
			"{\"x\": \"a\tb\"}", "{\"x\": \"a\nb\"}", "{\"x\": \"\u0000\"}", "{\"x\":[1,2,]}", "{,}", "{\"\":}",
			"\u0000", "\u0000{}", "{}\u0000", "{} {}", "{}garbage", ")]}'\n{}", "<xml/>", "session_id=x&new_status=y",
			"--xyz\r\nContent-Disposition: form-data; name=\"session_id\"\r\n\r\nx\r\n--xyz--\r\n", "\\", "{\"\\",
			"[\"session_id\", \"new_status\"]", "{\"session_id\": {\"$ne\": null}}", "{\"__proto__\": {\"a\": 1}}" };

	@Autowired
	JdbcClient jdbc;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@Test
	void survivesThousandsOfHostileRequestsWithoutServerErrorsOrChanges() {
		System.out.println("HostileInputIntegrationTests: fuzz.seed=" + SEED + ", fuzz.requests=" + REQUESTS
				+ " (replay with -Dfuzz.seed=" + SEED + ")");
		Target target = target();
		Random random = new Random(SEED);
		Generator generator = new Generator(random, target);
		HostileEdges.Playground playground = HostileEdges.playground(this.fixtures, this.http, target.world().apiKey());
		HostileEdges edges = new HostileEdges(random, generator, playground, target.world().slug());
		List<String> secrets = new ArrayList<>(List.of(target.world().apiKey(), target.otherKey(),
				IntegrationTest.ADMIN_TOKEN, IntegrationTest.METRICS_TOKEN, HostileEdges.MARKER));
		for (String pair : playground.keys().cookie().split("; ")) {
			secrets.add(pair.substring(pair.indexOf('=') + 1));
		}
		Report report = new Report();
		Snapshot last = snapshot(target);
		LogCapture log = LogCapture.open();
		long started = System.nanoTime();
		for (int i = 0; i < REQUESTS; i++) {
			Attack attack = random.nextInt(100) < 45 ? edges.next() : generator.next();
			try {
				Reply reply = send(attack, report);
				report.count(attack, reply);
				Snapshot now = snapshot(target);
				check(i, attack, reply, last, now, report);
				last = now;
			}
			catch (RuntimeException ex) {
				report.problem("the test itself failed on this request: " + ex, "#" + i + " " + attack);
				last = snapshot(target);
			}
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		log.close();
		checkLog(log.lines(), secrets, report);
		System.out.println(report.summary(millis));
		if (!report.problems.isEmpty()) {
			fail("%d of %d hostile requests broke a rule (fuzz.seed=%d, replay with -Dfuzz.seed=%d):%n%s%n%s",
					report.problems.size(), REQUESTS, SEED, SEED,
					String.join("\n", report.problems.subList(0, Math.min(60, report.problems.size()))),
					report.summary(millis));
		}
		assertThat(report.byKindAndStatus).as("hostile requests got past authentication into every endpoint")
			.containsKeys("update 400", "engage 400", "view 404", "redeem 400", "scan 404", "query 400", "admin 201",
					"admin 400", "form 302", "form 400", "line 400", "header 400");
	}

	/** Whether the attack's request line names no HTTP version, as HTTP/0.9's did. */
	private static boolean http09(Attack attack) {
		if (attack.rawRequest() == null) {
			return false;
		}
		String request = new String(attack.rawRequest(), StandardCharsets.ISO_8859_1);
		int end = request.indexOf('\n');
		return !(end < 0 ? request : request.substring(0, end)).contains("HTTP/");
	}

	/**
	 * What the server logged during the run: each line without a stack trace, not an
	 * error, and free of every secret.
	 */
	private static void checkLog(List<LogCapture.Line> lines, List<String> secrets, Report report) {
		report.logLines = lines.size();
		for (LogCapture.Line line : lines) {
			String text = line.text();
			if (line.hasStackTrace()) {
				report.problem("stack trace in the log", cut(text));
			}
			else if (line.level().equals("ERROR")) {
				report.problem("error in the log", cut(text));
			}
			for (String secret : secrets) {
				if (text.contains(secret)) {
					report.problem("a secret in the log", cut(text).replace(secret, "<the secret>"));
				}
			}
		}
	}

	// ---------------------------------------------------------------- cases the fuzzer
	// found, pinned

	/**
	 * The server parses no multipart bodies (it takes none), so a wrong multipart
	 * Content-Type is read like a missing one: the body as sent. That is never a 5xx, and
	 * the status update, whose contract works without a Content-Type, still works with a
	 * wrong one.
	 */
	@Test
	void readsTheBodyAsSentWhateverMultipartContentTypeItCarries() {
		Fixtures.World world = this.fixtures.world(1);
		String session = this.fixtures.scan(world.slug());
		String json = "{\"session_id\": \"" + session + "\", \"new_status\": \"FORM_SUBMITTED\"}";
		Http.Answer first = this.http.post(UPDATE)
			.apiKey(world.apiKey())
			.header("Content-Type", "multipart/form-data")
			.body(json)
			.send();
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		for (String path : List.of(UPDATE, ENGAGE + session, VIEW + session, REDEEM)) {
			String method = path.startsWith(VIEW) ? "GET" : "POST";
			for (String type : List.of("multipart/form-data", "multipart/form-data; boundary=xyz",
					"multipart/mixed; boundary=xyz")) {
				Http.Answer answer = this.http.call(method, path)
					.apiKey(world.apiKey())
					.header("Content-Type", type)
					.body(json)
					.send();
				assertThat(answer.status()).as(path + " " + type + ": " + answer).isLessThan(500);
				if (answer.status() >= 400) {
					assertThat(answer.errorMsg()).as(path + " " + type).isNotBlank();
				}
			}
		}
		Http.Answer again = this.http.post(UPDATE)
			.apiKey(world.apiKey())
			.header("Content-Type", "multipart/form-data; boundary=xyz")
			.body(json)
			.send();
		assertThat(again.errorMsg()).isEqualTo("Action already completed for session_id: " + session);
	}

	@Test
	void answersInJsonWhateverTheAcceptHeaderOnceTheChangeIsMade() {
		Fixtures.World world = this.fixtures.world(1);
		String session = this.fixtures.scan(world.slug());
		Http.Answer update = this.http.post(UPDATE)
			.apiKey(world.apiKey())
			.header("Accept", "text/html")
			.json("{\"session_id\": \"" + session + "\", \"new_status\": \"FORM_APPROVED\"}")
			.send();
		assertThat(update.status()).as(update.toString()).isEqualTo(200);
		assertThat(update.header("Content-Type")).startsWith("application/json");
		Http.Answer engage = this.http.post(ENGAGE + session)
			.apiKey(world.apiKey())
			.header("Accept", "application/xml")
			.send();
		assertThat(engage.status()).as(engage.toString()).isEqualTo(200);
		String code = engage.json().get("coupon_code").asString();
		Http.Answer redeem = this.http.post(REDEEM)
			.apiKey(world.apiKey())
			.header("Accept", "image/png")
			.json("{\"coupon_code\": \"" + code + "\"}")
			.send();
		assertThat(redeem.status()).as(redeem.toString()).isEqualTo(200);
		assertThat(redeem.json().get("message").asString()).isEqualTo("success");
	}

	@Test
	void refusesCouponCodesNoPoolCanHoldWithoutAskingTheDatabase() {
		Fixtures.World world = this.fixtures.world(1);
		for (String code : List.of("\u0000", "AB\u0000CD", "\u0000".repeat(100), "X".repeat(65), "A\u001BB")) {
			Http.Answer answer = this.http.post(REDEEM)
				.apiKey(world.apiKey())
				.json("{\"coupon_code\": " + Http.JSON.writeValueAsString(code) + "}")
				.send();
			assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
			assertThat(answer.errorMsg()).startsWith("No coupon with code ").doesNotContain("\u0000");
		}
	}

	@Test
	void echoesLoneSurrogatesAndControlCharactersAsValidJson() {
		Fixtures.World world = this.fixtures.world(1);
		String session = this.fixtures.scan(world.slug());
		for (String id : List.of("\\uD800", "x\\uDC00y", "\\u0000\\u001B", "\\u202E")) {
			Http.Answer answer = this.http.post(UPDATE)
				.apiKey(world.apiKey())
				.json("{\"session_id\": \"" + id + "\", \"new_status\": \"FORM_APPROVED\"}")
				.send();
			assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
			assertThat(answer.errorMsg()).startsWith("No record with session_id: ");
			Http.Answer status = this.http.post(UPDATE)
				.apiKey(world.apiKey())
				.json("{\"session_id\": \"" + session + "\", \"new_status\": \"" + id + "\"}")
				.send();
			assertThat(status.status()).as(status.toString()).isEqualTo(400);
			assertThat(status.errorMsg()).startsWith("new_status ").contains(" is not a step of flow FILL_FORM");
		}
	}

	/**
	 * Tomcat refuses these URLs itself, before any filter runs: an encoded slash,
	 * backslash or NUL, a malformed escape, escapes that are not UTF-8. They cannot name
	 * a session (ids are UUIDs, and the status update carries its id in the body), and
	 * relaxing these checks would weaken Tomcat's path traversal defences, so they stay;
	 * the server's error valve still answers them with the contract's JSON error shape,
	 * and such a request changes nothing.
	 */
	@Test
	void answersMalformedUrlsWithAJsonErrorAndChangesNothing() {
		Fixtures.World world = this.fixtures.world(1);
		String session = this.fixtures.approvedSession(world);
		Target target = new Target(world, world.apiKey(), List.of(session), List.of(), List.of(world.slug()));
		Snapshot before = snapshot(target);
		for (String piece : List.of("a%2Fb", session + "%2F..", "%5C", session + "%00", "%c3%28", "%ed%a0%80")) {
			Http.Answer answer = this.http.post(ENGAGE + piece).apiKey(world.apiKey()).send();
			assertThat(answer.status()).as(piece + ": " + answer).isEqualTo(400);
			assertThat(answer.header("Content-Type")).as(piece).startsWith("application/json");
			assertThat(answer.errorMsg()).as(piece)
				.isEqualTo("Request could not be read: its path or headers are not valid");
			assertThat(this.http.get(VIEW + piece).apiKey(world.apiKey()).send().status()).isEqualTo(400);
		}
		assertThat(snapshot(target)).isEqualTo(before);
		assertThat(this.fixtures.engage(world.apiKey(), session).status()).isEqualTo(200);
	}

	/** The rules every answer must keep. */
	private void check(int index, Attack attack, Reply reply, Snapshot before, Snapshot after, Report report) {
		String where = "#" + index + " " + attack + "\n      -> " + reply;
		// Tomcat answers a request line it cannot read up to its version without a status
		// line (as HTTP/0.9 would): only a raw client can send one.
		// An HTTP/0.9 request (a request line without a version) may get nothing at all.
		boolean notHttp11 = reply.status() == -1 && attack.raw()
				&& (reply.body().length() > "not an HTTP answer: ".length() || http09(attack));
		if (reply.status() >= 500 || reply.status() < 100 && !notHttp11) {
			report.problem("server error", where);
			return;
		}
		String lower = reply.body().toLowerCase(Locale.ROOT);
		// The metrics, to their token's holder, name the JVM's classes by design.
		String type = String.valueOf(reply.header("content-type"));
		boolean metrics = reply.status() == 200 && type.startsWith("text/plain;version=0.0.4");
		if (!metrics && (lower.contains("exception") || lower.contains("\tat ") || lower.contains("org.springframework")
				|| lower.contains("java.") || lower.contains("sqlstate") || lower.contains("jdbc"))) {
			report.problem("internal detail leaked", where);
		}
		if (reply.status() >= 400 && !before.equals(after)) {
			report.problem("rejected request changed data",
					where + "\n      before " + before + "\n      after  " + after);
		}
		boolean api = attack.path().startsWith("/smart-engage/") || attack.path().startsWith("/admin/api/");
		if (!api || reply.status() < 400) {
			return;
		}
		if (attack.method().equals("HEAD")) {
			return;
		}
		String errorMsg = errorMsg(reply);
		if (errorMsg == null) {
			String refusal = tomcatRefuses(attack);
			if (refusal != null && writtenByTomcat(reply)) {
				report.containerRejection(refusal, attack, reply);
			}
			else {
				report.problem("4xx without a JSON error_msg", where);
			}
			return;
		}
		if (errorMsg.isBlank() || errorMsg.length() > 1000) {
			report.problem("error_msg blank or too long (" + errorMsg.length() + " chars)", where);
		}
		if (errorMsg.codePoints().anyMatch(Character::isISOControl)) {
			report.problem("error_msg echoes control characters", where);
		}
	}

	/**
	 * Tomcat's own error report, or nothing at all: the application answers partner paths
	 * with JSON.
	 */
	private static boolean writtenByTomcat(Reply reply) {
		// Tomcat refused it before the path was known: the error valve could only write
		// the shoppers' page.
		return reply.status() == 400 && (reply.body().isEmpty() || reply.body().contains("<title>Bad Request</title>"));
	}

	/**
	 * What Tomcat takes raw in a query string besides ASCII letters and digits: RFC
	 * 3986's unreserved and sub-delimiter characters, ':', '@', '/', '?' and the '%' of
	 * an escape (checked only when the parameters are decoded).
	 */
	private static final String QUERY_CHARACTERS = "-._~!$&'()*+,;=:@/?%";

	/**
	 * Why Tomcat refuses the request with its own 400 before any filter or controller
	 * runs, or null when it must reach the application. Tomcat guards the URL (no encoded
	 * slash, backslash or NUL, well-formed escapes of UTF-8, only URL characters) and the
	 * header section (visible characters, token names, at most 8 KiB). The application
	 * cannot answer those in JSON; the run lists them.
	 */
	private static String tomcatRefuses(Attack attack) {
		byte[] target = attack.rawPath() != null ? attack.rawPath() : utf8(attack.path());
		int query = target.length;
		for (int i = 0; i < target.length; i++) {
			if (target[i] == '?') {
				query = i;
				break;
			}
		}
		for (int i = query + 1; i < target.length; i++) {
			int b = target[i] & 0xFF;
			if (b >= 0x80 || QUERY_CHARACTERS.indexOf(b) < 0 && !Character.isLetterOrDigit(b)) {
				return "a character that is not allowed in a query string";
			}
		}
		ByteArrayOutputStream decoded = new ByteArrayOutputStream();
		for (int i = 0; i < query; i++) {
			int b = target[i] & 0xFF;
			if (b == '%') {
				int high = i + 2 < target.length ? Character.digit(target[i + 1], 16) : -1;
				int low = i + 2 < target.length ? Character.digit(target[i + 2], 16) : -1;
				if (high < 0 || low < 0) {
					return "malformed %-escape in the path";
				}
				b = high * 16 + low;
				if (b == 0 || b == '/' || b == '\\') {
					return "encoded NUL, slash or backslash in the path";
				}
				i += 2;
			}
			else if (b <= 0x20 || b >= 0x7F || "\"#<>[\\]^`{|}".indexOf(b) >= 0) {
				return "a character that is not allowed in a URL";
			}
			decoded.write(b);
		}
		String path;
		try {
			path = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(decoded.toByteArray())).toString();
		}
		catch (CharacterCodingException ex) {
			return "escapes that do not decode as UTF-8";
		}
		int depth = 0;
		for (String segment : path.split("/")) {
			depth += segment.equals("..") ? -1 : (segment.isEmpty() || segment.equals(".")) ? 0 : 1;
			if (depth < 0) {
				return "a path that climbs above the root";
			}
		}
		int size = target.length + 300;
		for (Map.Entry<String, String> header : attack.headers().entrySet()) {
			String value = rawValue(header.getValue());
			size += header.getKey().length() + utf8(value).length + 4;
			if (value.chars().anyMatch((c) -> c < 0x20 && c != '\t' || c == 0x7F)) {
				return "a control character in a header";
			}
		}
		if (attack.rawHeader() != null) {
			byte[] header = attack.rawHeader();
			size += header.length;
			String text = new String(header, StandardCharsets.ISO_8859_1);
			int colon = text.indexOf(':');
			if (colon < 1 || !text.substring(0, colon).matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
				return "a header name that is not a token";
			}
			if (text.chars().anyMatch((c) -> c < 0x20 && c != '\t' || c == 0x7F)) {
				return "a control character in a header";
			}
		}
		return size > 7600 ? "a header section over 8 KiB" : null;
	}

	/**
	 * A header value as the raw sender writes it: a line break would start another
	 * header.
	 */
	private static String rawValue(String value) {
		return value.replace('\r', ' ').replace('\n', ' ');
	}

	/** The error_msg of a JSON error body, or null when the body is not one. */
	private static String errorMsg(Reply reply) {
		String type = reply.header("content-type");
		if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
			return null;
		}
		try {
			JsonNode body = Http.JSON.readTree(reply.body());
			JsonNode message = body.isObject() ? body.get("error_msg") : null;
			return message != null && message.isString() ? message.asString() : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	// ---------------------------------------------------------------- the world under
	// attack

	/**
	 * A partner with sessions at every stage, a coupon issued, and a second partner's
	 * key.
	 */
	private Target target() {
		Fixtures.World world = this.fixtures.world(3);
		Fixtures.World other = this.fixtures.world(1);
		String scanned = this.fixtures.scan(world.slug());
		String submitted = this.fixtures.scan(world.slug());
		assertThat(this.fixtures.updateStatus(world.apiKey(), submitted, "FORM_SUBMITTED").status()).isEqualTo(200);
		String approved = this.fixtures.approvedSession(world);
		String rewarded = this.fixtures.approvedSession(world);
		Http.Answer issued = this.fixtures.engage(world.apiKey(), rewarded);
		assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
		String otherSession = this.fixtures.approvedSession(other);
		List<String> codes = this.jdbc.sql("SELECT code FROM coupon WHERE campaign_id = :campaign ORDER BY id")
			.param("campaign", world.campaignId())
			.query(String.class)
			.list();
		return new Target(world, other.apiKey(), List.of(scanned, submitted, approved, rewarded, otherSession), codes,
				List.of(world.slug(), other.slug()));
	}

	/**
	 * What a rejected request must leave alone: every table's size and the world's
	 * sessions.
	 */
	private Snapshot snapshot(Target target) {
		String counts = this.jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM journey_session) AS sessions,
				       (SELECT COUNT(*) FROM journey_event) AS events,
				       (SELECT COUNT(*) FROM coupon WHERE session_id IS NOT NULL) AS issued,
				       (SELECT COUNT(*) FROM coupon WHERE redeemed_at IS NOT NULL) AS redeemed,
				       (SELECT COUNT(*) FROM idempotent_request) AS idempotent,
				       (SELECT COUNT(*) FROM partner) AS partners,
				       (SELECT COUNT(*) FROM api_key WHERE revoked_at IS NULL) AS keys
				""")
			.query((rs, row) -> "sessions=" + rs.getLong("sessions") + " events=" + rs.getLong("events") + " issued="
					+ rs.getLong("issued") + " redeemed=" + rs.getLong("redeemed") + " idempotent="
					+ rs.getLong("idempotent") + " partners=" + rs.getLong("partners") + " keys=" + rs.getLong("keys"))
			.single();
		List<String> sessions = this.jdbc.sql("""
				SELECT id, status, step_index, ended, coupon_issued_at, updated_at FROM journey_session
				WHERE campaign_id = :campaign ORDER BY id
				""")
			.param("campaign", target.world().campaignId())
			.query((rs, row) -> rs.getString("id").substring(0, 8) + ":" + rs.getString("status") + ":"
					+ rs.getInt("step_index") + ":" + rs.getBoolean("ended") + ":"
					+ (rs.getString("coupon_issued_at") != null) + ":" + rs.getString("updated_at"))
			.list();
		return new Snapshot(counts, sessions);
	}

	// ---------------------------------------------------------------- sending

	private Reply send(Attack attack, Report report) {
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
	private Reply sendRaw(Attack attack, Report report) {
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

	// ---------------------------------------------------------------- generating

	/** Makes hostile requests; every choice comes from the seeded random generator. */
	static final class Generator {

		private final Random random;

		private final Target target;

		Generator(Random random, Target target) {
			this.random = random;
			this.target = target;
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
			Body body = objectBody(List.of("session_id", "new_status"));
			return partnerCall("update", postOrOther(), UPDATE, body);
		}

		private Attack engage() {
			Body body = switch (this.random.nextInt(6)) {
				case 0 -> new Body(null, "no body");
				case 1 -> new Body(utf8("{}"), "{}");
				case 2 -> new Body(utf8("[]"), "[]");
				default -> objectBody(List.of("session_id", "coupon", "quantity"));
			};
			return partnerCall("engage", postOrOther(), ENGAGE + sessionPiece(), body);
		}

		private Attack view() {
			Body body = this.random.nextInt(4) == 0 ? objectBody(List.of("session_id")) : new Body(null, "no body");
			String method = this.random.nextInt(8) == 0 ? pick("HEAD", "POST", "DELETE", "OPTIONS") : "GET";
			return partnerCall("view", method, VIEW + sessionPiece(), body);
		}

		private Attack redeem() {
			Body body = objectBody(List.of("coupon_code"));
			return partnerCall("redeem", postOrOther(), REDEEM, body);
		}

		private Attack scan() {
			String slug = switch (this.random.nextInt(5)) {
				case 0 -> pick(this.target.slugs());
				case 1 -> encode(mutate(pick(this.target.slugs())));
				case 2 -> pick(RAW_PIECES);
				default -> encode(text());
			};
			Map<String, String> headers = new LinkedHashMap<>();
			if (this.random.nextInt(3) > 0) {
				headers.put("User-Agent",
						this.random.nextBoolean() ? text()
								: pick("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Mobile/15E148",
										"facebookexternalhit/1.1", "curl/8.5.0", "", "Googlebot/2.1"));
			}
			maybeHeader(headers, "Accept", ACCEPTS);
			maybeHeader(headers, "Accept-Language", new String[] { "th-TH", "*", "xx;q=2", text() });
			String method = this.random.nextInt(6) == 0 ? pick("HEAD", "POST", "PUT", "DELETE", "OPTIONS") : "GET";
			Body body = method.equals("POST") ? objectBody(List.of("slug")) : new Body(null, "no body");
			return new Attack("scan", method, "/s/" + slug, headers, body.bytes(), false, false, null, null,
					body.label());
		}

		private Attack partnerCall(String kind, String method, String path, Body body) {
			Map<String, String> headers = new LinkedHashMap<>();
			int key = this.random.nextInt(100);
			if (key < 78) {
				headers.put(pick("API-KEY", "api-key", "Api-Key"), this.target.world().apiKey());
			}
			else if (key < 84) {
				headers.put("API-KEY", this.target.otherKey());
			}
			else if (key < 90) {
				headers.put("API-KEY", pick("", " ", this.target.world().apiKey() + " ",
						this.target.world().apiKey().toUpperCase(Locale.ROOT),
						this.target.world().apiKey().substring(0, 20), "se_" + "A".repeat(43), "x".repeat(201)));
			}
			else if (key < 96) {
				headers.put("API-KEY", text());
			}
			if (this.random.nextInt(4) > 0) {
				headers.put("Content-Type", this.random.nextInt(2) == 0 ? "application/json" : pick(CONTENT_TYPES));
			}
			if (this.random.nextInt(10) == 0) {
				headers.put("Idempotency-Key", switch (this.random.nextInt(4)) {
					case 0 -> UUID.randomUUID().toString();
					case 1 -> "fuzz-" + this.random.nextInt(5);
					default -> text();
				});
			}
			maybeHeader(headers, "Accept", ACCEPTS);
			maybeHeader(headers, "Content-Encoding", new String[] { "gzip", "br", "identity", "x" });
			return new Attack(kind, method, path, headers, body.bytes(), this.random.nextInt(12) == 0, false, null,
					null, body.label());
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
			if (this.random.nextBoolean() && (attack.kind().equals("engage") || attack.kind().equals("view")
					|| attack.kind().equals("scan"))) {
				ByteArrayOutputStream path = new ByteArrayOutputStream();
				path.writeBytes(prefix.getBytes(StandardCharsets.ISO_8859_1));
				switch (this.random.nextInt(5)) {
					case 0 -> path.writeBytes(utf8(text().replace('\r', '_').replace('\n', '_')));
					case 1 -> path.writeBytes(pick(BAD_UTF8));
					case 2 -> path.writeBytes(new byte[] { pick(new byte[] { 0, 1, 7, 8, 9, 11, 12, 27, 31, 127 }) });
					case 3 -> path.writeBytes(utf8(pick(" ", "\\", "<>", "{}", "|", "^", "`", "\"", "#x", "[]")));
					default -> path.writeBytes(utf8(pick(RAW_PIECES)));
				}
				return attack.withRaw(path.toByteArray(), null);
			}
			byte[] header = switch (this.random.nextInt(5)) {
				case 0 -> concat(utf8("API-KEY: "), utf8(text()));
				case 1 -> concat(utf8("API-KEY: "), pick(BAD_UTF8));
				case 2 -> utf8("API-KEY: a\u0000b");
				case 3 -> utf8("API KEY: x");
				default -> concat(utf8("X-Fuzz: "), utf8("y".repeat(pick(new int[] { 10, 4000, 9000, 20_000 }))));
			};
			return attack.withRaw(null, header);
		}

		private String postOrOther() {
			return this.random.nextInt(12) == 0 ? pick("GET", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD") : "POST";
		}

		/**
		 * A path segment: mostly hostile text, properly escaped; sometimes raw escapes or
		 * real ids.
		 */
		private String sessionPiece() {
			return switch (this.random.nextInt(10)) {
				case 0, 1 -> pick(RAW_PIECES);
				case 2 -> pick(this.target.sessions())
						+ pick("", "/", "//", "/extra", ";v=1", "%00", "%20", "?x=1", "%2F..", "/..");
				case 3 -> idLike();
				default -> encode(text());
			};
		}

		/**
		 * A JSON object body with the given fields, or something that is not quite one.
		 */
		Body objectBody(List<String> fields) {
			int pick = this.random.nextInt(100);
			if (pick < 50) {
				String json = object(fields);
				return new Body(utf8(json), "object " + json);
			}
			if (pick < 58) {
				String json = value(0);
				return new Body(utf8(json), "value " + json);
			}
			if (pick < 72) {
				return malformed(fields);
			}
			if (pick < 80) {
				String json = object(fields);
				byte[] bytes = utf8(json);
				int at = 1 + this.random.nextInt(Math.max(1, bytes.length - 1));
				byte[] bad = pick(BAD_UTF8);
				return new Body(
						concat(Arrays.copyOf(bytes, at), concat(bad, Arrays.copyOfRange(bytes, at, bytes.length))),
						"bad UTF-8 in " + json);
			}
			if (pick < 88) {
				return huge(fields);
			}
			if (pick < 93) {
				String json = object(fields);
				return switch (this.random.nextInt(3)) {
					case 0 -> new Body(json.getBytes(StandardCharsets.UTF_16), "UTF-16 " + json);
					case 1 -> new Body(concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, utf8(json)),
							"BOM " + json);
					default -> new Body(json.getBytes(StandardCharsets.ISO_8859_1), "Latin-1 " + json);
				};
			}
			return switch (this.random.nextInt(3)) {
				case 0 -> new Body(null, "no body");
				case 1 -> new Body(new byte[0], "empty body");
				default -> new Body(utf8(pick(" ", "\n", "\r\n\t ", "\u000B", "\u00A0", "\u3000")), "blank body");
			};
		}

		Body malformed(List<String> fields) {
			switch (this.random.nextInt(4)) {
				case 0 -> {
					String text = pick(MALFORMED);
					return new Body(utf8(text), "malformed " + text);
				}
				case 1 -> {
					String json = object(fields);
					String cut = json.substring(0, this.random.nextInt(json.length()));
					return new Body(utf8(cut), "truncated " + cut);
				}
				case 2 -> {
					byte[] bytes = utf8(object(fields));
					bytes[this.random.nextInt(bytes.length)] = (byte) this.random.nextInt(256);
					return new Body(bytes, "byte flipped " + new String(bytes, StandardCharsets.UTF_8));
				}
				default -> {
					String json = object(fields);
					int at = this.random.nextInt(json.length() + 1);
					String broken = json.substring(0, at) + pick("\"", "{", "}", "[", ",", ":", "\\", "'", "\u0000")
							+ json.substring(at);
					return new Body(utf8(broken), "char inserted " + broken);
				}
			}
		}

		/** Bodies near and over the 16 KiB limit: long values, padding, deep nesting. */
		Body huge(List<String> fields) {
			int size = pick(
					new int[] { 4096, MAX_BODY - 64, MAX_BODY - 1, MAX_BODY, MAX_BODY + 1, 17_000, 40_000, 70_000 });
			switch (this.random.nextInt(4)) {
				case 0 -> {
					String field = pick(fields);
					String filler = pick("A", "ก", "\uD83D\uDD25", "'", "\\\\", " ", "0");
					String json = "{\"" + field + "\": \"" + filler.repeat(Math.max(1, size / utf8(filler).length))
							+ "\"}";
					return new Body(utf8(json), "long " + field + " ~" + json.length() + " chars");
				}
				case 1 -> {
					String json = " ".repeat(size) + object(fields);
					return new Body(utf8(json), "padded to " + json.length() + " bytes");
				}
				case 2 -> {
					int depth = size / 2;
					String json = "[".repeat(depth) + "]".repeat(depth);
					return new Body(utf8(json), "nested " + depth + " deep");
				}
				default -> {
					StringBuilder json = new StringBuilder("{");
					for (int i = 0; json.length() < size; i++) {
						json.append(i == 0 ? "" : ",").append('"').append(pick(fields)).append(i);
						json.append("\":").append(i);
					}
					json.append('}');
					return new Body(utf8(json.toString()), "many fields, " + json.length() + " bytes");
				}
			}
		}

		/**
		 * A JSON object naming the fields, each value hostile, some missing, doubled or
		 * misnamed.
		 */
		String object(List<String> fields) {
			StringBuilder json = new StringBuilder("{");
			List<String> members = new ArrayList<>();
			for (String field : fields) {
				int pick = this.random.nextInt(100);
				if (pick < 10) {
					continue;
				}
				String name = pick < 16 ? pick(field.toUpperCase(Locale.ROOT), field.replace('_', '-'), " " + field,
						field + "\u0000", field + " ") : field;
				members.add(quote(name) + ":" + fieldValue(field));
				if (this.random.nextInt(12) == 0) {
					members.add(quote(field) + ":" + fieldValue(field));
				}
			}
			for (int i = this.random.nextInt(4) == 0 ? this.random.nextInt(3) + 1 : 0; i > 0; i--) {
				members.add(quote(text()) + ":" + value(1));
			}
			Collections.shuffle(members, this.random);
			json.append(String.join(pick(",", ", ", " ,\n"), members)).append('}');
			return json.toString();
		}

		/**
		 * A value for a known field: usually a string near what the field expects,
		 * sometimes any JSON.
		 */
		private String fieldValue(String field) {
			int pick = this.random.nextInt(100);
			if (pick < 30) {
				return value(1);
			}
			if (pick < 55) {
				return quote(switch (field) {
					case "session_id" -> this.random.nextBoolean() ? pick(this.target.sessions()) : idLike();
					case "new_status" -> this.random.nextBoolean() ? pick(STEPS) : mutate(pick(STEPS));
					case "coupon_code" ->
						this.random.nextBoolean() ? pick(this.target.codes()) : mutate(pick(this.target.codes()));
					default -> text();
				});
			}
			return quote(text());
		}

		/** Any JSON value, of any type, nested at most a little. */
		String value(int depth) {
			int pick = this.random.nextInt(depth > 2 ? 6 : 9);
			return switch (pick) {
				case 0, 1, 2 -> quote(text());
				case 3 -> pick("0", "-0", "1", "-1", "9223372036854775808", "1e309", "-1e-400", "3.14", "1E2",
						"123456789012345678901234567890", "1" + "0".repeat(1200), "0.0000001");
				case 4 -> pick("true", "false");
				case 5 -> "null";
				case 6 -> "[" + String.join(",", values(depth)) + "]";
				case 7 -> {
					List<String> members = new ArrayList<>();
					for (String value : values(depth)) {
						members.add(quote(text()) + ":" + value);
					}
					yield "{" + String.join(",", members) + "}";
				}
				default -> "[" + quote(text()) + "]";
			};
		}

		private List<String> values(int depth) {
			List<String> values = new ArrayList<>();
			for (int i = this.random.nextInt(4); i > 0; i--) {
				values.add(value(depth + 1));
			}
			return values;
		}

		/**
		 * Hostile text: SQL, Unicode, control characters, lone surrogates, long runs,
		 * near-ids.
		 */
		String text() {
			return switch (this.random.nextInt(14)) {
				case 0 -> pick(SQL);
				case 1 -> pick(WORDS);
				case 2, 3 -> pick(UNICODE);
				case 4 -> pick(CONTROL);
				case 5 -> pick(LONE_SURROGATES);
				case 6 -> idLike();
				case 7 -> pick("", " ", "  \t ", "\n");
				case 8 -> pick(STEPS);
				case 9 -> pick(SQL) + pick(UNICODE) + pick(CONTROL);
				case 10 -> pick("A", "ก", "'", "%", "\uD83D\uDE00", "-", "\u0000")
					.repeat(pick(new int[] { 37, 64, 65, 100, 200, 201, 256, 1000, 4000 }));
				case 11 -> soup();
				case 12 -> mutate(pick(this.target.sessions()));
				default -> pick(this.target.codes()) + pick(SQL);
			};
		}

		/**
		 * Random code points from ASCII, Latin-1, Thai, emoji, CJK, surrogates and
		 * private use.
		 */
		String soup() {
			StringBuilder out = new StringBuilder();
			for (int i = this.random.nextInt(40); i > 0; i--) {
				int cp = switch (this.random.nextInt(7)) {
					case 0 -> this.random.nextInt(128);
					case 1 -> 128 + this.random.nextInt(128);
					case 2 -> 0x0E00 + this.random.nextInt(0x80);
					case 3 -> 0x1F300 + this.random.nextInt(0x700);
					case 4 -> 0x4E00 + this.random.nextInt(0x5000);
					case 5 -> 0xD800 + this.random.nextInt(0x800);
					default -> 0xE000 + this.random.nextInt(0x1900);
				};
				if (cp >= 0xD800 && cp < 0xE000) {
					out.append((char) cp);
				}
				else {
					out.appendCodePoint(cp);
				}
			}
			return out.toString();
		}

		/** Text shaped like a session id, but not quite one of the partner's. */
		String idLike() {
			String real = pick(this.target.sessions());
			return switch (this.random.nextInt(12)) {
				case 0 -> UUID.randomUUID().toString();
				case 1 -> real.toUpperCase(Locale.ROOT);
				case 2 -> " " + real + " ";
				case 3 -> real.substring(0, 35);
				case 4 -> real + "0";
				case 5 -> "{" + real + "}";
				case 6 -> "urn:uuid:" + real;
				case 7 -> real.replace("-", "");
				case 8 -> "00000000-0000-0000-0000-000000000000";
				case 9 -> "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz";
				case 10 -> real + pick(SQL);
				default -> "-".repeat(36);
			};
		}

		/** The text with one character inserted, removed or replaced. */
		String mutate(String text) {
			if (text.isEmpty()) {
				return pick(CONTROL);
			}
			int at = this.random.nextInt(text.length());
			String piece = pick(pick(CONTROL), pick(UNICODE), pick(LONE_SURROGATES), "'", "-", "x", "%", "");
			return switch (this.random.nextInt(3)) {
				case 0 -> text.substring(0, at) + piece + text.substring(at);
				case 1 -> text.substring(0, at) + text.substring(at + 1);
				default -> text.substring(0, at) + piece + text.substring(at + 1);
			};
		}

		/**
		 * A JSON string literal; lone surrogates and control characters go out as
		 * escapes.
		 */
		String quote(String text) {
			boolean escapeAll = this.random.nextInt(4) == 0;
			StringBuilder out = new StringBuilder("\"");
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == '"' || c == '\\') {
					out.append('\\').append(c);
				}
				else if (c < 0x20 || Character.isSurrogate(c) && !validPair(text, i) || escapeAll && c > 0x7E) {
					out.append(String.format("\\u%04X", (int) c));
				}
				else {
					out.append(c);
				}
			}
			return out.append('"').toString();
		}

		private static boolean validPair(String text, int i) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c)) {
				return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
			}
			return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
		}

		private void maybeHeader(Map<String, String> headers, String name, String[] values) {
			if (this.random.nextInt(10) == 0) {
				headers.put(name, pick(values));
			}
		}

		/**
		 * Text made into one path segment, every byte outside the unreserved set escaped.
		 */
		static String encode(String text) {
			StringBuilder out = new StringBuilder();
			for (byte b : utf8(text)) {
				int c = b & 0xFF;
				if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
					out.append((char) c);
				}
				else {
					out.append('%').append(String.format("%02X", c));
				}
			}
			return out.toString();
		}

		@SafeVarargs
		final <T> T pick(T... values) {
			return values[this.random.nextInt(values.length)];
		}

		<T> T pick(List<T> values) {
			return values.get(this.random.nextInt(values.size()));
		}

		int pick(int[] values) {
			return values[this.random.nextInt(values.length)];
		}

		byte pick(byte[] values) {
			return values[this.random.nextInt(values.length)];
		}

	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] out = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, out, first.length, second.length);
		return out;
	}

	// ---------------------------------------------------------------- bookkeeping

	/** What was sent and what broke. */
	private static final class Report {

		final List<String> problems = new ArrayList<>();

		final Map<String, Integer> byKindAndStatus = new TreeMap<>();

		final Map<String, Integer> containerRejections = new TreeMap<>();

		final Map<String, String> containerExampleByReason = new TreeMap<>();

		int sent;

		int raw;

		int clientRefused;

		int logLines;

		void count(Attack attack, Reply reply) {
			this.byKindAndStatus.merge(attack.kind() + " " + reply.status(), 1, Integer::sum);
		}

		void problem(String rule, String where) {
			this.problems.add("  [" + rule + "] " + where);
		}

		void containerRejection(String reason, Attack attack, Reply reply) {
			this.containerRejections.merge(reason, 1, Integer::sum);
			this.containerExampleByReason.putIfAbsent(reason, "    " + reason + ": " + attack + "\n      -> " + reply);
		}

		String summary(long millis) {
			return "Hostile input run (fuzz.seed=" + SEED + "): " + this.sent + " requests in " + millis + " ms, "
					+ this.raw + " over a raw socket (" + this.clientRefused + " of them refused by java.net.http), "
					+ this.problems.size() + " problems, " + this.logLines + " log lines checked."
					+ "\n  answers by endpoint and status: " + this.byKindAndStatus
					+ "\n  refused by Tomcat before the application, without a JSON body: " + this.containerRejections
					+ (this.containerExampleByReason.isEmpty() ? ""
							: "\n" + String.join("\n", this.containerExampleByReason.values()));
		}

	}

	private record Target(Fixtures.World world, String otherKey, List<String> sessions, List<String> codes,
			List<String> slugs) {
	}

	private record Snapshot(String counts, List<String> sessions) {

		@Override
		public String toString() {
			return this.counts + " " + this.sessions;
		}

	}

	record Body(byte[] bytes, String label) {
	}

	/**
	 * One hostile request: through java.net.http, or over a raw socket with a raw path or
	 * header.
	 */
	record Attack(String kind, String method, String path, Map<String, String> headers, byte[] body, boolean chunked,
			boolean raw, byte[] rawPath, byte[] rawHeader, String label, byte[] rawRequest) {

		Attack(String kind, String method, String path, Map<String, String> headers, byte[] body, boolean chunked,
				boolean raw, byte[] rawPath, byte[] rawHeader, String label) {
			this(kind, method, path, headers, body, chunked, raw, rawPath, rawHeader, label, null);
		}

		/** A request sent as exactly these bytes: request line, headers and body. */
		static Attack exact(String kind, String label, byte[] request) {
			return new Attack(kind, "RAW", "", Map.of(), null, false, true, null, null, label, request);
		}

		Attack withRaw(byte[] path, byte[] header) {
			return new Attack(this.kind, this.method, this.path, this.headers, this.body, false, true, path, header,
					this.label);
		}

		@Override
		public String toString() {
			if (this.rawRequest != null) {
				return "exact bytes " + printable(cut(new String(this.rawRequest, StandardCharsets.UTF_8))) + " ("
						+ this.label + ")";
			}
			String target = this.rawPath != null ? "raw " + printable(new String(this.rawPath, StandardCharsets.UTF_8))
					: printable(this.path);
			return this.method + " " + cut(target) + " " + printable(cut(this.headers.toString()))
					+ (this.rawHeader != null
							? " raw header " + printable(cut(new String(this.rawHeader, StandardCharsets.UTF_8))) : "")
					+ (this.chunked ? " chunked" : "") + " body: " + printable(cut(this.label));
		}

	}

	private record Reply(int status, Map<String, String> headers, String body) {

		String header(String name) {
			return this.headers.get(name);
		}

		@Override
		public String toString() {
			return this.status + " " + header("content-type") + " " + printable(cut(this.body));
		}

	}

	private static String cut(String text) {
		return text.length() <= 300 ? text : text.substring(0, 300) + "...(" + text.length() + " chars)";
	}

	private static String printable(String text) {
		StringBuilder out = new StringBuilder();
		text.codePoints().forEach((cp) -> {
			if (cp < 0x20 || cp == 0x7F || cp >= 0x80 && cp < 0xA0 || cp >= 0xD800 && cp < 0xE000) {
				out.append(String.format("\\u%04X", cp));
			}
			else {
				out.appendCodePoint(cp);
			}
		});
		return out.toString();
	}

}
