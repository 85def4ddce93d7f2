package com.smartengage.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.smartengage.common.text.Hashing;
import com.smartengage.support.DatabaseAvailableExtension;
import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.OwnDatabase;
import com.smartengage.support.ServerProcess;
import com.smartengage.support.TestDatabase;
import com.smartengage.support.WebhookReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets never leave the server: a full run of the packaged server, in a process of its
 * own with the application's, Spring MVC's and Spring JDBC's loggers at DEBUG, goes
 * through a journey with several API keys made and one revoked, revoked, wrong and
 * malformed keys, wrong admin tokens until the login limit refuses them, and requests
 * that fail every way the API fails. Then the whole log (start-up and shutdown included),
 * the Prometheus and health bodies, and every answer's body and headers are searched for
 * every API key, the admin token, every wrong key or token sent, the webhook secrets and
 * the key that encrypts them, and the SHA-256 of each (hex in both cases, and Base64).
 * Only the answer that creates a key or a secret may show it, once.
 */
@ExtendWith(DatabaseAvailableExtension.class)
class SecretsIntegrationTests {

	private static final String UPDATE = "/smart-engage/post/update-session-status";

	private final SecureRandom random = new SecureRandom();

	private final List<Recorded> answers = new ArrayList<>();

	@Test
	void neverShowsASecretInLogsMetricsOrAnswers() throws Exception {
		String adminToken = "admin-" + HexFormat.of().formatHex(this.random.generateSeed(24));
		Map<String, String> secrets = new LinkedHashMap<>();
		secrets.put("the admin token", adminToken);
		String log;
		try (OwnDatabase database = OwnDatabase.create("se_secrets")) {
			List<String> arguments = new ArrayList<>(database.serverArguments());
			arguments.add("--logging.level.com.smartengage=DEBUG");
			arguments.add("--logging.level.web=DEBUG");
			arguments.add("--logging.level.sql=DEBUG");
			arguments.add("--smart-engage.webhooks.allow-private-addresses=true");
			arguments.add("--smart-engage.webhooks.allow-http=true");
			try (ServerProcess server = ServerProcess.start("secrets-" + TestDatabase.KIND, 0, adminToken, arguments)) {
				server.awaitHealthy(Duration.ofSeconds(120));
				journey(server.port(), adminToken, secrets);
				server.terminate();
				assertThat(server.awaitExit(Duration.ofSeconds(60))).isEqualTo(143);
				log = server.logText();
			}
		}
		Map<String, String> needles = needles(secrets);
		assertThat(leaks("planted: " + secrets.values().iterator().next(), needles))
			.as("the search finds a planted secret")
			.isNotEmpty();

		List<String> found = new ArrayList<>();
		leaks(log, needles).forEach((leak) -> found.add("server log: " + leak));
		for (Recorded answer : this.answers) {
			leaks(answer.text(), needles).forEach((leak) -> found.add(answer.what() + ": " + leak));
		}
		assertThat(found).as("secrets found").isEmpty();
		assertThat(log).as("the log covers the run").contains("Started SmartEngageApplication");
		System.out.printf(
				"SecretsIntegrationTests [%s]: searched %d log lines and %d answers (Prometheus and health "
						+ "included) for %d secrets as %d strings: none found%n",
				TestDatabase.KIND, log.lines().count(), this.answers.size(), secrets.size(), needles.size());
	}

	private void journey(int port, String adminToken, Map<String, String> secrets) throws IOException {
		Http http = new Http(port, adminToken);
		Fixtures fixtures = new Fixtures(http);
		long partner = fixtures.partner("Secrets " + UUID.randomUUID());
		long otherPartner = fixtures.partner("Others " + UUID.randomUUID());
		Fixtures.ApiKey key = fixtures.apiKey(partner);
		Fixtures.ApiKey revoked = fixtures.apiKey(partner);
		Fixtures.ApiKey spare = fixtures.apiKey(partner);
		Fixtures.ApiKey other = fixtures.apiKey(otherPartner);
		secrets.put("API key 1", key.key());
		secrets.put("API key 2 (revoked)", revoked.key());
		secrets.put("API key 3", spare.key());
		secrets.put("API key of another partner", other.key());
		long campaign = fixtures.campaign(partner, 5);
		String slug = fixtures.placement(campaign, fixtures.screen("Screen " + UUID.randomUUID()));

		record("revoke key 2", http.call("DELETE", "/admin/api/api-keys/" + revoked.id()).admin().send());
		record("list keys", http.get("/admin/api/partners/" + partner + "/api-keys").admin().send());
		record("get key", http.get("/admin/api/api-keys/" + key.id()).admin().send());
		record("audit", http.get("/admin/api/audit").admin().send());
		record("campaign", http.get("/admin/api/campaigns/" + campaign).admin().send());

		String session = fixtures.scan(slug);
		for (String step : List.of("FORM_SUBMITTED", "FORM_REVIEWING", "FORM_APPROVED")) {
			record("update " + step, fixtures.updateStatus(key.key(), session, step));
		}
		record("update again", fixtures.updateStatus(key.key(), session, "FORM_SUBMITTED"));
		Http.Answer issued = record("engage",
				http.post("/smart-engage/post/engage-v3/" + session)
					.apiKey(key.key())
					.header("Idempotency-Key", "i-1")
					.send());
		record("engage replayed",
				http.post("/smart-engage/post/engage-v3/" + session)
					.apiKey(key.key())
					.header("Idempotency-Key", "i-1")
					.send());
		record("view", http.get("/smart-engage/get/session/" + session).apiKey(spare.key()).send());
		record("redeem",
				http.post("/smart-engage/post/redeem-coupon")
					.apiKey(key.key())
					.json("{\"coupon_code\": \"" + issued.json().get("coupon_code").asString() + "\"}")
					.send());
		record("coupon page",
				http.get(issued.json().get("coupon_url").asString().replaceFirst("^https?://[^/]+", "")).send());
		record("another partner's session",
				http.get("/smart-engage/get/session/" + session).apiKey(other.key()).send());

		webhooks(http, partner, secrets);

		// Keys that do not work.
		String oneOff = key.key().substring(0, key.key().length() - 1) + (key.key().endsWith("A") ? "B" : "A");
		String madeUp = "se_" + Base64.getUrlEncoder().withoutPadding().encodeToString(this.random.generateSeed(32));
		secrets.put("API key 1 with its last character changed", oneOff);
		secrets.put("a made-up API key", madeUp);
		for (String bad : List.of(revoked.key(), oneOff, madeUp, adminToken, key.key().toLowerCase(Locale.ROOT),
				" " + key.key() + " ", key.key() + key.key())) {
			record("update with a bad key", fixtures.updateStatus(bad, session, "FORM_APPROVED"));
			record("view with a bad key", http.get("/smart-engage/get/session/" + session).apiKey(bad).send());
		}

		// Requests that fail, with a good key.
		record("bad JSON", http.post(UPDATE).apiKey(key.key()).json("{\"session_id\": ").send());
		record("unknown session", fixtures.updateStatus(key.key(), UUID.randomUUID().toString(), "FORM_APPROVED"));
		record("unknown step", fixtures.updateStatus(key.key(), session, "NOT_A_STEP"));
		record("wrong method", http.call("DELETE", UPDATE).apiKey(key.key()).send());
		record("unknown route", http.get("/smart-engage/no-such-thing").apiKey(key.key()).send());
		record("too large", http.post(UPDATE).apiKey(key.key()).json("{\"x\": \"" + "a".repeat(20_000) + "\"}").send());
		record("unsupported media",
				http.post(UPDATE).apiKey(key.key()).header("Content-Type", "application/xml").body("<x/>").send());

		// Malformed header lines that carry a secret: Tomcat refuses them itself.
		record("a header name with a space", raw(port, "API KEY: " + key.key()));
		record("a control character after the key", raw(port, "API-KEY: " + key.key() + "\u0001"));
		record("a control character after the admin token",
				raw(port, "Authorization: Bearer " + adminToken + "\u0007"));

		// Wrong admin tokens, until the login limit refuses them.
		String typo = adminToken.substring(0, adminToken.length() - 1) + "x";
		secrets.put("the admin token with a typo", typo);
		String basic = Base64.getEncoder().encodeToString(("admin:" + adminToken).getBytes(StandardCharsets.UTF_8));
		secrets.put("the admin token as Basic credentials", basic);
		for (String authorization : List.of("Bearer " + typo, "Bearer " + key.key(), "Basic " + basic, adminToken)) {
			record("admin call with " + authorization.split(" ")[0],
					http.get("/admin/api/partners").header("Authorization", authorization).send());
		}
		for (int i = 0; i < 25; i++) {
			record("admin call with a wrong token",
					http.get("/admin/api/partners").header("Authorization", "Bearer " + typo).send());
		}
		assertThat(this.answers.get(this.answers.size() - 1).text()).as("the login limit was reached")
			.startsWith("429");

		record("prometheus", http.get("/actuator/prometheus").admin().send());
		record("health", http.get("/actuator/health").send());
	}

	/**
	 * A webhook endpoint registered and its secret rotated (those two answers alone may
	 * show a secret, and are not searched), events signed and sent with both secrets, and
	 * every other webhook answer recorded.
	 */
	private void webhooks(Http http, long partner, Map<String, String> secrets) {
		secrets.put("the webhook secret key", IntegrationTest.WEBHOOK_SECRET_KEY);
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			Http.Answer created = http.post("/admin/api/partners/" + partner + "/webhook-endpoints")
				.admin()
				.json("{\"url\": \"" + receiver.url("/hooks") + "\"}")
				.send();
			assertThat(created.status()).as(created.toString()).isEqualTo(201);
			long endpoint = created.json().get("id").asLong();
			secrets.put("a webhook secret", created.json().get("secret").asString());
			String path = "/admin/api/partners/" + partner + "/webhook-endpoints/" + endpoint;
			Http.Answer rotated = http.post(path + "/rotate-secret").admin().send();
			secrets.put("a rotated webhook secret", rotated.json().get("secret").asString());
			record("webhook test event", http.post(path + "/test").admin().send());
			receiver.await((request) -> request.text().contains("webhook.test"), Duration.ofSeconds(30));
			record("webhook endpoints",
					http.get("/admin/api/partners/" + partner + "/webhook-endpoints").admin().send());
			record("webhook endpoint", http.get(path).admin().send());
			Http.Answer deliveries = record("webhook deliveries", http.get(path + "/deliveries").admin().send());
			record("webhook delivery",
					http.get("/admin/api/webhook-deliveries/" + deliveries.json().get(0).get("id").asLong())
						.admin()
						.send());
			record("audit after webhooks", http.get("/admin/api/audit").admin().send());
			for (WebhookReceiver.Request request : receiver.received()) {
				this.answers.add(new Recorded("a webhook delivery as received", request.headers() + request.text()));
			}
		}
	}

	private Http.Answer record(String what, Http.Answer answer) {
		StringBuilder text = new StringBuilder().append(answer.status()).append('\n');
		answer.headers().forEach((name, values) -> text.append(name).append(": ").append(values).append('\n'));
		text.append(answer.body());
		this.answers.add(new Recorded(what, text.toString()));
		return answer;
	}

	private Http.Answer record(String what, String rawAnswer) {
		this.answers.add(new Recorded(what, rawAnswer));
		return null;
	}

	/** Sends a GET with one raw header line; answers whatever came back. */
	private static String raw(int port, String headerLine) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET /smart-engage/get/session/" + UUID.randomUUID() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
					+ headerLine + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/**
	 * Every form a secret could leak in: itself, the part of a key after its public
	 * prefix, its last 16 characters (a near-miss of a key shares them), and its SHA-256
	 * in hex (both cases) and Base64.
	 */
	private static Map<String, String> needles(Map<String, String> secrets) {
		Map<String, String> needles = new LinkedHashMap<>();
		secrets.forEach((name, secret) -> {
			needles.put(secret, name);
			if (secret.startsWith("se_")) {
				// The first 10 characters are the key's public prefix, shown on purpose.
				needles.put(secret.substring(10, 26), name + " (characters 10 to 26)");
			}
			needles.put(secret.substring(secret.length() - 16), name + " (last 16 characters)");
			String hex = Hashing.sha256Hex(secret);
			needles.put(hex, name + " (SHA-256)");
			needles.put(hex.toUpperCase(Locale.ROOT), name + " (SHA-256, upper case)");
			needles.put(Base64.getEncoder().encodeToString(Hashing.sha256(secret)), name + " (SHA-256, Base64)");
		});
		return needles;
	}

	private static List<String> leaks(String text, Map<String, String> needles) {
		List<String> leaks = new ArrayList<>();
		needles.forEach((needle, name) -> {
			int at = text.indexOf(needle);
			if (at >= 0) {
				String around = text.substring(Math.max(0, at - 80),
						Math.min(text.length(), at + needle.length() + 40));
				leaks.add(name + " in \"" + around.replace('\n', ' ') + "\"");
			}
		});
		return leaks;
	}

	private record Recorded(String what, String text) {
	}

}
