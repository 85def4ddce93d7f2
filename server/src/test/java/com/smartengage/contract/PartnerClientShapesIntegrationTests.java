package com.smartengage.contract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.ServerTests;

import static com.smartengage.support.ApiAssertions.UPDATED;
import static com.smartengage.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partners' published snippets (cURL, Python requests, PHP curl) sent as those
 * clients send them, byte for byte where it matters, and the hostile variations a real
 * client produces.
 */
@IntegrationTest
class PartnerClientShapesIntegrationTests extends ServerTests {

	static final int MAX_BODY = 16 * 1024;

	Fixtures.World world;

	@BeforeEach
	void setUp() {
		this.world = this.fixtures.world(5);
	}

	@Test
	void curlUpdateExampleWorksVerbatim() throws IOException {
		String session = this.fixtures.scan(this.world.slug());
		String body = "{\"session_id\": \"" + session + "\", \"new_status\": \"FORM_REVIEWING\"}";

		RawAnswer answer = raw("POST /smart-engage/post/update-session-status HTTP/1.1\r\n" + "Host: 127.0.0.1:"
				+ this.port + "\r\n" + "User-Agent: curl/8.5.0\r\n" + "Accept: */*\r\n"
				+ "Content-Type: application/json\r\n" + "API-KEY: " + this.world.apiKey() + "\r\n" + "Content-Length: "
				+ body.length() + "\r\n\r\n" + body);

		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo(UPDATED);
		assertThat(status(session)).isEqualTo("FORM_REVIEWING");
	}

	@Test
	void curlEngageExampleWorksWithoutAnyBody() throws IOException {
		String session = this.fixtures.approvedSession(this.world);

		// curl -X POST without -d: no body, and no Content-Length or Transfer-Encoding
		// either.
		RawAnswer answer = raw("POST /smart-engage/post/engage-v3/" + session + " HTTP/1.1\r\n" + "Host: 127.0.0.1:"
				+ this.port + "\r\n" + "User-Agent: curl/8.5.0\r\n" + "Accept: */*\r\n"
				+ "Content-Type: application/json\r\n" + "API-KEY: " + this.world.apiKey() + "\r\n\r\n");

		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		JsonNode body = Http.JSON.readTree(answer.body());
		assertThat(body.get("message").asString()).isEqualTo("success");
		assertThat(body.get("coupon_code").asString()).isNotBlank();
		assertThat(body.get("coupon_url").asString()).isNotBlank();
		assertThat(body.get("expires_at").asString()).isNotBlank();
	}

	@Test
	void curlEngageExampleWorksWithAnEmptyBodyOfLengthZero() {
		String session = this.fixtures.approvedSession(this.world);

		Http.Answer answer = this.http.post("/smart-engage/post/engage-v3/" + session)
			.apiKey(this.world.apiKey())
			.header("Content-Type", "application/json")
			.body("")
			.send();

		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.json().get("message").asString()).isEqualTo("success");
	}

	@Test
	void pythonExamplesWork() {
		String session = this.fixtures.scan(this.world.slug());

		// requests.post(url, json={...}, headers={"Content-Type": "application/json",
		// "API-KEY": key})
		Http.Answer update = python("/smart-engage/post/update-session-status",
				"{\"session_id\": \"" + session + "\", \"new_status\": \"FORM_APPROVED\"}");
		assertThat(update.status()).as(update.toString()).isEqualTo(200);
		assertThat(update.body()).isEqualTo(UPDATED);

		Http.Answer engage = python("/smart-engage/post/engage-v3/" + session, "{}");
		assertThat(engage.status()).as(engage.toString()).isEqualTo(200);
		assertThat(engage.json().get("message").asString()).isEqualTo("success");
	}

	@Test
	void phpExamplesWork() {
		String session = this.fixtures.scan(this.world.slug());

		// json_encode($data) of the PHP array, then json_encode([]) for Issue Coupon
		Http.Answer update = php("/smart-engage/post/update-session-status",
				"{\"session_id\":\"" + session + "\",\"new_status\":\"FORM_APPROVED\"}");
		assertThat(update.status()).as(update.toString()).isEqualTo(200);
		assertThat(update.body()).isEqualTo(UPDATED);

		Http.Answer engage = php("/smart-engage/post/engage-v3/" + session, "[]");
		assertThat(engage.status()).as(engage.toString()).isEqualTo(200);
		assertThat(engage.json().get("message").asString()).isEqualTo("success");
	}

	@Test
	void updateWorksWithoutAnyContentType() {
		String session = this.fixtures.scan(this.world.slug());

		Http.Answer answer = this.http.post("/smart-engage/post/update-session-status")
			.apiKey(this.world.apiKey())
			.body("{\"session_id\": \"" + session + "\", \"new_status\": \"FORM_SUBMITTED\"}")
			.send();

		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo(UPDATED);
		assertThat(status(session)).isEqualTo("FORM_SUBMITTED");
	}

	@Test
	void updateWorksWithCurlsDefaultFormContentTypeAndAJsonBody() throws IOException {
		String session = this.fixtures.scan(this.world.slug());
		String body = "{\"session_id\": \"" + session + "\", \"new_status\": \"FORM_SUBMITTED\"}";

		// What curl sends when the -H "Content-Type: application/json" line is forgotten.
		RawAnswer answer = raw("POST /smart-engage/post/update-session-status HTTP/1.1\r\n" + "Host: 127.0.0.1:"
				+ this.port + "\r\n" + "User-Agent: curl/8.5.0\r\n" + "Accept: */*\r\n" + "API-KEY: "
				+ this.world.apiKey() + "\r\n" + "Content-Length: " + body.length() + "\r\n"
				+ "Content-Type: application/x-www-form-urlencoded\r\n\r\n" + body);

		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo(UPDATED);
		assertThat(status(session)).isEqualTo("FORM_SUBMITTED");
	}

	@Test
	void engageWorksWithCurlsDefaultFormContentTypeAndAnEmptyBody() {
		String session = this.fixtures.approvedSession(this.world);

		Http.Answer answer = this.http.post("/smart-engage/post/engage-v3/" + session)
			.apiKey(this.world.apiKey())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.body("")
			.send();

		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.json().get("message").asString()).isEqualTo("success");
	}

	@Test
	void headerNamesAreCaseInsensitive() throws IOException {
		String session = this.fixtures.scan(this.world.slug());
		String body = "{\"session_id\": \"" + session + "\", \"new_status\": \"FORM_SUBMITTED\"}";

		RawAnswer lower = raw("POST /smart-engage/post/update-session-status HTTP/1.1\r\n" + "host: 127.0.0.1:"
				+ this.port + "\r\n" + "content-type: application/json\r\n" + "api-key: " + this.world.apiKey() + "\r\n"
				+ "content-length: " + body.length() + "\r\n\r\n" + body);
		assertThat(lower.status()).as(lower.toString()).isEqualTo(200);
		assertThat(lower.body()).isEqualTo(UPDATED);

		Http.Answer mixed = this.http.post("/smart-engage/post/update-session-status")
			.header("Api-Key", this.world.apiKey())
			.header("CONTENT-TYPE", "Application/JSON; Charset=UTF-8")
			.body("{\"session_id\": \"" + session + "\", \"new_status\": \"FORM_REVIEWING\"}")
			.send();
		assertThat(mixed.status()).as(mixed.toString()).isEqualTo(200);
		assertThat(status(session)).isEqualTo("FORM_REVIEWING");
	}

	@Test
	void unknownJsonFieldsAreIgnored() {
		String session = this.fixtures.scan(this.world.slug());

		Http.Answer update = this.http.post("/smart-engage/post/update-session-status")
			.apiKey(this.world.apiKey())
			.json("{\"source\": \"web\", \"session_id\": \"" + session + "\", \"extra\": {\"nested\": [1, 2, null]},"
					+ " \"new_status\": \"FORM_APPROVED\", \"note\": null, \"score\": 9.5}")
			.send();
		assertThat(update.status()).as(update.toString()).isEqualTo(200);
		assertThat(update.body()).isEqualTo(UPDATED);

		Http.Answer engage = this.http.post("/smart-engage/post/engage-v3/" + session)
			.apiKey(this.world.apiKey())
			.json("{\"reason\": \"form approved\", \"session_id\": \"ignored\"}")
			.send();
		assertThat(engage.status()).as(engage.toString()).isEqualTo(200);
		assertThat(engage.json().get("message").asString()).isEqualTo("success");
	}

	@Test
	void bodiesUpToTheLimitAreReadAndLargerOnesRefused() {
		String session = this.fixtures.scan(this.world.slug());
		String tooLarge = "Request body is larger than the limit of " + MAX_BODY + " bytes";

		assertError(update(padded(session, "FORM_SUBMITTED", MAX_BODY + 1)), 413, tooLarge);
		assertError(update(padded(session, "FORM_SUBMITTED", 1024 * 1024)), 413, tooLarge);
		assertThat(status(session)).isEqualTo("SCANNED");

		Http.Answer atLimit = update(padded(session, "FORM_APPROVED", MAX_BODY));
		assertThat(atLimit.status()).as(atLimit.toString()).isEqualTo(200);
		assertThat(atLimit.body()).isEqualTo(UPDATED);

		Http.Answer engage = this.http.post("/smart-engage/post/engage-v3/" + session)
			.apiKey(this.world.apiKey())
			.json(padded(session, "X", MAX_BODY + 1))
			.send();
		assertError(engage, 413, tooLarge);
		assertThat(this.fixtures.engage(this.world.apiKey(), session).status()).isEqualTo(200);
	}

	@Test
	void aLargeBodyWithoutContentLengthIsRefusedToo() throws IOException {
		String session = this.fixtures.scan(this.world.slug());
		String body = padded(session, "FORM_SUBMITTED", MAX_BODY + 100);
		String chunk = Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";

		RawAnswer answer = raw("POST /smart-engage/post/update-session-status HTTP/1.1\r\n" + "Host: 127.0.0.1:"
				+ this.port + "\r\n" + "Content-Type: application/json\r\n" + "API-KEY: " + this.world.apiKey() + "\r\n"
				+ "Transfer-Encoding: chunked\r\n\r\n" + chunk);

		assertThat(answer.status()).as(answer.toString()).isEqualTo(413);
		assertThat(answer.body())
			.isEqualTo("{\"error_msg\":\"Request body is larger than the limit of " + MAX_BODY + " bytes\"}");
		assertThat(status(session)).isEqualTo("SCANNED");
	}

	@Test
	void anEchoedIdIsCutShortAndJsonEscaped() {
		String hostile = "\"quoted\" back\\slash \\n new\nline\ttab \u0000 </script>" + "x".repeat(500);

		Http.Answer answer = update(
				Http.JSON.createObjectNode().put("session_id", hostile).put("new_status", "FORM_SUBMITTED").toString());

		assertEchoed(answer, 404, "No record with session_id: ", hostile);
	}

	@Test
	void anEchoedStatusIsCutShortAndJsonEscaped() {
		String session = this.fixtures.scan(this.world.slug());
		String hostile = "FORM_\"X\\\n" + "Y".repeat(500);

		Http.Answer answer = update(
				Http.JSON.createObjectNode().put("session_id", session).put("new_status", hostile).toString());

		assertThat(answer.status()).isEqualTo(400);
		String message = answer.errorMsg();
		assertThat(message).startsWith("new_status FORM_\"X\\?YYY").contains("...").hasSizeLessThan(300);
		assertThat(message.chars()).noneMatch(Character::isISOControl);
	}

	@Test
	void anEchoedIdInThePathIsCutShortAndJsonEscaped() {
		String hostile = "\"quoted\" per%cent new\nline <b>" + "x".repeat(500);

		Http.Answer answer = this.http.post("/smart-engage/post/engage-v3/" + pathSegment(hostile))
			.apiKey(this.world.apiKey())
			.header("Content-Type", "application/json")
			.send();
		assertEchoed(answer, 400, "Invalid session_id ", hostile);

		Http.Answer view = this.http.get("/smart-engage/get/session/" + pathSegment(hostile))
			.apiKey(this.world.apiKey())
			.send();
		assertEchoed(view, 404, "No record with session_id: ", hostile);
	}

	@Test
	void aPathThatTomcatRefusesToDecodeStillAnswersInJson() {
		for (String segment : new String[] { "back%5Cslash", "en%2Fcoded", "bad%FFbyte", "nul%00byte" }) {
			Http.Answer answer = this.http.post("/smart-engage/post/engage-v3/" + segment)
				.apiKey(this.world.apiKey())
				.header("Content-Type", "application/json")
				.send();
			assertError(answer, 400, "Request could not be read: its path or headers are not valid");
		}
	}

	private void assertEchoed(Http.Answer answer, int status, String prefix, String hostile) {
		assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
		assertThat(answer.header("Content-Type")).startsWith("application/json");
		JsonNode body = answer.json();
		assertThat(body.properties()).hasSize(1);
		String message = body.get("error_msg").asString();
		assertThat(message).startsWith(prefix).endsWith("...").hasSizeLessThan(100);
		assertThat(message.chars()).noneMatch(Character::isISOControl);
		String echoed = message.substring(prefix.length(), message.length() - 3);
		String shown = hostile.codePoints()
			.map((c) -> Character.isISOControl(c) ? '?' : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		assertThat(echoed).hasSizeGreaterThanOrEqualTo(20);
		assertThat(shown).startsWith(echoed);
		// The raw body is the JSON writer's escaping of exactly that sentence.
		assertThat(answer.body()).isEqualTo(Http.JSON.createObjectNode().put("error_msg", message).toString());
	}

	private Http.Answer python(String path, String json) {
		return this.http.post(path)
			.header("User-Agent", "python-requests/2.32.3")
			.header("Accept-Encoding", "gzip, deflate")
			.header("Accept", "*/*")
			.header("Content-Type", "application/json")
			.header("API-KEY", this.world.apiKey())
			.body(json)
			.send();
	}

	private Http.Answer php(String path, String json) {
		return this.http.post(path)
			.header("Accept", "*/*")
			.header("Content-Type", "application/json")
			.header("API-KEY", this.world.apiKey())
			.body(json)
			.send();
	}

	private Http.Answer update(String json) {
		return this.http.post("/smart-engage/post/update-session-status").apiKey(this.world.apiKey()).json(json).send();
	}

	private String status(String sessionId) {
		Http.Answer answer = this.http.get("/smart-engage/get/session/" + sessionId).apiKey(this.world.apiKey()).send();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		return answer.json().get("status").asString();
	}

	/**
	 * A valid update body of exactly {@code size} bytes, padded with an unknown field.
	 */
	private static String padded(String sessionId, String newStatus, int size) {
		String head = "{\"session_id\": \"" + sessionId + "\", \"new_status\": \"" + newStatus + "\", \"pad\": \"";
		String tail = "\"}";
		String body = head + "p".repeat(size - head.length() - tail.length()) + tail;
		assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(size);
		return body;
	}

	private static String pathSegment(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/**
	 * Sends the request bytes as given over a plain socket (no client library adds or
	 * changes a header) and reads one answer, sized by Content-Length or chunked.
	 */
	private RawAnswer raw(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			String head = readHead(in);
			String[] lines = head.split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			long length = -1;
			boolean chunked = false;
			for (String line : lines) {
				String lower = line.toLowerCase(Locale.ROOT);
				if (lower.startsWith("content-length:")) {
					length = Long.parseLong(line.substring(15).strip());
				}
				if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
					chunked = true;
				}
			}
			byte[] body;
			if (chunked) {
				ByteArrayOutputStream chunks = new ByteArrayOutputStream();
				int size;
				while ((size = Integer.parseInt(readLine(in).split(";")[0].strip(), 16)) > 0) {
					chunks.write(in.readNBytes(size));
					readLine(in);
				}
				body = chunks.toByteArray();
			}
			else {
				body = length >= 0 ? in.readNBytes((int) length) : in.readAllBytes();
			}
			return new RawAnswer(status, head, new String(body, StandardCharsets.UTF_8));
		}
	}

	private static String readHead(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		String line;
		while (!(line = readLine(in)).isEmpty()) {
			head.append(line).append("\r\n");
		}
		return head.toString();
	}

	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != '\n') {
			if (b < 0) {
				throw new IOException("Connection closed in the middle of a line: " + line);
			}
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.UTF_8);
	}

	record RawAnswer(int status, String head, String body) {

		@Override
		public String toString() {
			return this.head + "\r\n" + this.body;
		}

	}

}
