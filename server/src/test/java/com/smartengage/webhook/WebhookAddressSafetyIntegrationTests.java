package com.smartengage.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
 * A server with the default policy (https only, public addresses only) refuses an
 * endpoint aimed at its own network when it is registered, and again at delivery should
 * the name resolve elsewhere since. The packaged server runs as a process of its own, on
 * a database of its own, so that its policy is the production default.
 */
@ExtendWith(DatabaseAvailableExtension.class)
class WebhookAddressSafetyIntegrationTests {

	@Test
	void refusesPrivateAddressesWhenRegisteredAndAgainAtDelivery() {
		try (OwnDatabase database = OwnDatabase.create("se_webhook_ssrf");
				WebhookReceiver receiver = new WebhookReceiver()) {
			long endpointId;
			try (ServerProcess server = start(database, "register")) {
				Http http = new Http(server.port());
				Fixtures fixtures = new Fixtures(http);
				long partner = fixtures.partner("SSRF " + UUID.randomUUID());
				String path = "/admin/api/partners/" + partner + "/webhook-endpoints";
				for (String url : List.of("https://127.0.0.1/hook", "https://localhost/hook", "https://10.1.2.3/",
						"https://172.20.0.1/", "https://192.168.1.1/", "https://169.254.169.254/latest/meta-data/",
						"https://[::1]/", "https://[fd00:ec2::254]/", "https://[::ffff:127.0.0.1]/", "https://0.0.0.0/",
						"https://100.64.0.1/", "https://[fe80::1]/")) {
					Http.Answer answer = http.post(path).admin().json("{\"url\": \"" + url + "\"}").send();
					assertThat(answer.status()).as(url + " " + answer).isEqualTo(400);
					assertThat(answer.errorMsg()).as(url).contains("is refused").contains("non-public address");
				}
				assertThat(error(http, path, "{\"url\": \"" + receiver.url("/x") + "\"}"))
					.startsWith("url must use https");
				assertThat(error(http, path, "{\"url\": \"https://no-such-host.invalid/hook\"}"))
					.contains("does not resolve");
				assertThat(error(http, path, "{\"url\": \"ftp://93.184.215.14/\"}"))
					.contains("must be an absolute https URL");
				assertThat(error(http, path, "{\"url\": \"https://user:pw@93.184.215.14/\"}"))
					.isEqualTo("url must not hold a user name or password");
				assertThat(error(http, path, "{\"url\": \"not a url\"}")).contains("is not a valid URL");
				assertThat(error(http, path, "{}")).startsWith("url is required");
				assertThat(error(http, path, "{\"url\": \"https://93.184.215.14/\", \"events\": [\"coupon.lost\"]}"))
					.isEqualTo("Unknown event type coupon.lost; the types are session.status_changed, coupon.issued, "
							+ "coupon.redeemed");
				assertThat(error(http, path, "{\"url\": \"https://93.184.215.14/\", \"events\": []}"))
					.startsWith("events must name at least one event type");
				assertThat(http.post("/admin/api/partners/999999999/webhook-endpoints")
					.admin()
					.json("{\"url\": \"https://93.184.215.14/\"}")
					.send()
					.status()).isEqualTo(404);
				// A public address passes.
				Http.Answer created = http.post(path)
					.admin()
					.json("{\"url\": \"https://93.184.215.14/hook\", \"events\": [\"coupon.issued\"]}")
					.send();
				assertThat(created.status()).as(created.toString()).isEqualTo(201);
				endpointId = created.json().get("id").asLong();
				stop(server);
			}
			// Then its name "resolves" to loopback (the row is changed while the server
			// is
			// down, as DNS would change): at delivery, no request leaves.
			database.jdbc()
				.sql("UPDATE webhook_endpoint SET url = :url WHERE id = :id")
				.param("url", receiver.url("/moved").replace("http://", "https://"))
				.param("id", endpointId)
				.update();
			try (ServerProcess server = start(database, "deliver")) {
				Http http = new Http(server.port());
				Http.Answer test = http.post("/admin/api/webhook-endpoints/" + endpointId + "/test").admin().send();
				assertThat(test.status()).as(test.toString()).isEqualTo(202);
				JsonNode delivery = awaitAttempt(http, endpointId);
				assertThat(delivery.get("last_error").asString())
					.isEqualTo("not sent: host 127.0.0.1 resolves to 127.0.0.1, a loopback, private, link-local or "
							+ "otherwise non-public address");
				assertThat(delivery.get("last_status_code").isNull()).isTrue();
				assertThat(receiver.received()).isEmpty();
				stop(server);
			}
		}
	}

	private static ServerProcess start(OwnDatabase database, String run) {
		List<String> arguments = new ArrayList<>(database.serverArguments());
		arguments.add("--smart-engage.webhooks.polling-interval=500ms");
		ServerProcess server = ServerProcess.start("webhook-ssrf-" + TestDatabase.KIND + "-" + run, 0,
				IntegrationTest.ADMIN_TOKEN, arguments);
		server.awaitHealthy(Duration.ofSeconds(120));
		return server;
	}

	private static void stop(ServerProcess server) {
		server.terminate();
		assertThat(server.awaitExit(Duration.ofSeconds(60))).isEqualTo(143);
	}

	private static String error(Http http, String path, String body) {
		Http.Answer answer = http.post(path).admin().json(body).send();
		assertThat(answer.status()).as(body + " " + answer).isEqualTo(400);
		return answer.errorMsg();
	}

	private static JsonNode awaitAttempt(Http http, long endpointId) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (true) {
			JsonNode deliveries = http.get("/admin/api/webhook-endpoints/" + endpointId + "/deliveries")
				.admin()
				.send()
				.json();
			if (!deliveries.isEmpty() && deliveries.get(0).get("attempts").asInt() > 0) {
				return deliveries.get(0);
			}
			assertThat(System.nanoTime()).as("an attempt within 30 s: %s", deliveries).isLessThan(deadline);
			WebhookDeliveryIntegrationTests.sleep(100);
		}
	}

}
