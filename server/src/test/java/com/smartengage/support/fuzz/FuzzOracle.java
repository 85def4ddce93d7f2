package com.smartengage.support.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

import com.smartengage.support.Http;
import com.smartengage.support.LogCapture;

import static com.smartengage.support.fuzz.Shown.cut;

/**
 * What counts as a problem in a fuzz run. Every answer must be below 500 and leak no
 * internal detail; a rejected request must change nothing; every partner and admin API
 * 4xx must carry a JSON {@code error_msg} (unless Tomcat refused the request before the
 * application could answer, see {@link TomcatRefusal}); and the log of the run must show
 * no stack trace, no error and no secret. Problems go to the {@link FuzzReport}.
 */
public final class FuzzOracle {

	private FuzzOracle() {
	}

	/** The rules every answer must keep. */
	public static void check(int index, Attack attack, Reply reply, Snapshot before, Snapshot after,
			FuzzReport report) {
		String where = "#" + index + " " + attack + "\n      -> " + reply;
		// Tomcat answers a request line it cannot read up to its version without a status
		// line (as HTTP/0.9 would): only a raw client can send one.
		// An HTTP/0.9 request (a request line without a version) may get nothing at all.
		boolean notHttp11 = reply.status() == -1 && attack.raw()
				&& (reply.body().length() > "not an HTTP answer: ".length() || http09(attack));
		// Tomcat refuses a header section over its limit before it reads the body, and
		// closes the connection: a client still sending a body then gets a reset, which
		// can discard the 400 before the client reads it.
		boolean resetAfterRefusal = reply.status() == 0 && attack.body() != null && attack.body().length > 0
				&& "a header section over 8 KiB".equals(TomcatRefusal.reason(attack));
		if (resetAfterRefusal) {
			if (!before.equals(after)) {
				report.problem("rejected request changed data",
						where + "\n      before " + before + "\n      after  " + after);
			}
			report.containerRejection("a header section over 8 KiB", attack, reply);
			return;
		}
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
			String refusal = TomcatRefusal.reason(attack);
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
	 * What the server logged during the run: each line without a stack trace, not an
	 * error, and free of every secret.
	 */
	public static void checkLog(List<LogCapture.Line> lines, List<String> secrets, FuzzReport report) {
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
	 * Tomcat's own error report, or nothing at all: the application answers partner paths
	 * with JSON.
	 */
	private static boolean writtenByTomcat(Reply reply) {
		// Tomcat refused it before the path was known: the error valve could only write
		// the shoppers' page.
		return reply.status() == 400 && (reply.body().isEmpty() || reply.body().contains("<title>Bad Request</title>"));
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

}
