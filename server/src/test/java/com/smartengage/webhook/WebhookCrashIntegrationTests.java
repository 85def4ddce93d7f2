package com.smartengage.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.smartengage.support.DatabaseAvailableExtension;
import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.OwnDatabase;
import com.smartengage.support.ServerProcess;
import com.smartengage.support.StandardWebhooksVerifier;
import com.smartengage.support.TestDatabase;
import com.smartengage.support.WebhookReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No event of a committed change is lost to a {@code kill -9}: neither one killed between
 * its commit and its first attempt, nor one whose attempt was in flight (the next
 * instance takes it over once the dead one's heartbeats stop). The packaged server runs
 * as a process of its own, on a database of its own.
 */
@ExtendWith(DatabaseAvailableExtension.class)
class WebhookCrashIntegrationTests {

	@Test
	void anEventCommittedBeforeAKillIsDeliveredAfterTheRestart() {
		try (OwnDatabase database = OwnDatabase.create("se_webhook_crash");
				WebhookReceiver receiver = new WebhookReceiver()) {
			String secret;
			String firstSession;
			String secondSession;
			Fixtures.World world;
			// 1. An instance that writes the outbox but sends nothing: killed after the
			// commit, before any attempt.
			try (ServerProcess quiet = start(database, "quiet", "--smart-engage.webhooks.sending=false")) {
				quiet.awaitHealthy(Duration.ofSeconds(120));
				Fixtures fixtures = new Fixtures(new Http(quiet.port()));
				world = fixtures.world(1);
				secret = register(quiet.port(), world.partnerId(), receiver);
				firstSession = fixtures.scan(world.slug());
				assertThat(quiet.kill()).isEqualTo(137);
			}
			assertThat(receiver.received()).isEmpty();
			// 2. The next instance delivers it; the next event's attempt hangs and the
			// instance is killed with it in flight.
			receiver.thenAnswer(WebhookReceiver.Answer.status(204),
					WebhookReceiver.Answer.slow(Duration.ofSeconds(60)));
			try (ServerProcess sending = start(database, "sending")) {
				sending.awaitHealthy(Duration.ofSeconds(120));
				WebhookReceiver.Request first = receiver.await((r) -> r.text().contains(firstSession),
						Duration.ofSeconds(30));
				assertThat(new StandardWebhooksVerifier(secret).verify(first)).isTrue();
				secondSession = new Fixtures(new Http(sending.port())).scan(world.slug());
				receiver.await((r) -> r.text().contains(secondSession), Duration.ofSeconds(30));
				assertThat(sending.kill()).isEqualTo(137);
			}
			// 3. The one after takes the attempt over from the dead instance.
			try (ServerProcess third = start(database, "takeover")) {
				third.awaitHealthy(Duration.ofSeconds(120));
				List<WebhookReceiver.Request> both = receiver.awaitCount((r) -> r.text().contains(secondSession), 2,
						Duration.ofSeconds(60));
				assertThat(both.get(1).header("webhook-id")).isEqualTo(both.get(0).header("webhook-id"));
				assertThat(new StandardWebhooksVerifier(secret).verify(both.get(1))).isTrue();
				third.terminate();
				third.awaitExit(Duration.ofSeconds(60));
			}
			System.out.printf("WebhookCrashIntegrationTests [%s]: an event committed before a kill -9 arrived after "
					+ "the restart; an attempt in flight at a kill -9 was made again by the next instance with the "
					+ "same webhook-id%n", TestDatabase.KIND);
		}
	}

	private static String register(int port, long partnerId, WebhookReceiver receiver) {
		Http.Answer answer = new Http(port).post("/admin/api/partners/" + partnerId + "/webhook-endpoints")
			.admin()
			.json("{\"url\": \"" + receiver.url("/crash") + "\", \"events\": [\"session.status_changed\"]}")
			.send();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		return answer.json().get("secret").asString();
	}

	private static ServerProcess start(OwnDatabase database, String run, String... settings) {
		List<String> arguments = new ArrayList<>(database.serverArguments());
		arguments.add("--smart-engage.webhooks.allow-private-addresses=true");
		arguments.add("--smart-engage.webhooks.allow-http=true");
		arguments.add("--smart-engage.webhooks.heartbeat-interval=1s");
		arguments.add("--smart-engage.webhooks.polling-interval=500ms");
		arguments.add("--smart-engage.webhooks.timeout=60s");
		arguments.addAll(List.of(settings));
		return ServerProcess.start("webhook-crash-" + TestDatabase.KIND + "-" + run + "-" + UUID.randomUUID(), 0,
				IntegrationTest.ADMIN_TOKEN, arguments);
	}

}
