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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

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
import com.smartengage.support.fuzz.Attack;
import com.smartengage.support.fuzz.HostileRequests;
import com.smartengage.support.fuzz.Playground;
import com.smartengage.support.fuzz.Target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Tens of thousands of hostile requests, made by a seeded random generator, against every
 * partner endpoint and the scan (malformed JSON, wrong types, huge and odd text, bad
 * bytes, odd headers and paths), and through {@link HostileRequests} against query
 * strings on every kind of route, the admin API, the dashboard's forms, raw request lines
 * and raw header sections. The server must never answer 5xx, must answer every partner
 * and admin API 4xx with a JSON {@code error_msg}, and a rejected request must change
 * nothing; its log must show no stack trace, no error and no secret (keys, tokens, the
 * session cookie, a marker planted where only secrets go). The seed is printed; replay a
 * run with {@code -Dfuzz.seed=<seed>} (and change the count with
 * {@code -Dfuzz.requests=<n>}).
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

	private static final String UPDATE = "/smart-engage/post/update-session-status";

	private static final String ENGAGE = "/smart-engage/post/engage-v3/";

	private static final String VIEW = "/smart-engage/get/session/";

	private static final String REDEEM = "/smart-engage/post/redeem-coupon";

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
		Target target = Target.build(this.fixtures, this.jdbc);
		Playground playground = Playground.create(this.fixtures, this.http, target.world().apiKey());
		HostileRequests requests = new HostileRequests(new Random(SEED), target, playground);
		List<String> secrets = new ArrayList<>(List.of(target.world().apiKey(), target.otherKey(),
				IntegrationTest.ADMIN_TOKEN, IntegrationTest.METRICS_TOKEN, HostileRequests.MARKER));
		for (String pair : playground.keys().cookie().split("; ")) {
			secrets.add(pair.substring(pair.indexOf('=') + 1));
		}
		Report report = new Report();
		Snapshot last = snapshot(target);
		LogCapture log = LogCapture.open();
		long started = System.nanoTime();
		for (int i = 0; i < REQUESTS; i++) {
			Attack attack = requests.next();
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

	// ---------------------------------------------------------------- what must not
	// change

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

	private record Snapshot(String counts, List<String> sessions) {

		@Override
		public String toString() {
			return this.counts + " " + this.sessions;
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

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
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
