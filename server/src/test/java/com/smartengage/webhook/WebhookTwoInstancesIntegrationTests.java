package com.smartengage.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.SecondInstance;
import com.smartengage.support.WebhookReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one database share the delivery queue: every event arrives, once, in
 * the normal case (no crash, no timeout), whichever instance made the change and
 * whichever sent it.
 */
@IntegrationTest
class WebhookTwoInstancesIntegrationTests {

	static final int EVENTS = 120;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void eachEventIsDeliveredOnceByOneOfTwoInstances() {
		try (WebhookReceiver receiver = new WebhookReceiver();
				ConfigurableApplicationContext second = SecondInstance.start(
						"--smart-engage.webhooks.allow-private-addresses=true",
						"--smart-engage.webhooks.allow-http=true", "--smart-engage.webhooks.polling-interval=200ms")) {
			Fixtures here = new Fixtures(new Http(this.port));
			Fixtures there = new Fixtures(new Http(SecondInstance.port(second)));
			Fixtures.World world = here.world(1);
			Http.Answer created = new Http(this.port)
				.post("/admin/api/partners/" + world.partnerId() + "/webhook-endpoints")
				.admin()
				.json("{\"url\": \"" + receiver.url("/both") + "\", \"events\": [\"session.status_changed\"]}")
				.send();
			assertThat(created.status()).as(created.toString()).isEqualTo(201);
			long endpointId = created.json().get("id").asLong();
			List<String> sessions = new ArrayList<>();
			for (int i = 0; i < EVENTS; i++) {
				sessions.add((i % 2 == 0 ? here : there).scan(world.slug()));
			}

			List<WebhookReceiver.Request> received = receiver.awaitCount((r) -> true, EVENTS, Duration.ofSeconds(60));
			// Give a doubled attempt time to show up, then count.
			WebhookDeliveryIntegrationTests.sleep(2000);
			received = receiver.received();
			Map<String, Long> perId = received.stream()
				.collect(Collectors.groupingBy((r) -> r.header("webhook-id"), Collectors.counting()));
			assertThat(perId).hasSize(EVENTS);
			assertThat(perId.values()).containsOnly(1L);
			Map<String, WebhookReceiver.Request> bySession = received.stream()
				.collect(Collectors.toMap((r) -> Http.JSON.readTree(r.text()).get("data").get("session_id").asString(),
						Function.identity()));
			assertThat(bySession.keySet()).containsExactlyInAnyOrderElementsOf(sessions);
			Integer attempts = this.jdbc
				.sql("SELECT SUM(attempts) FROM webhook_delivery WHERE endpoint_id = :id AND state = 'delivered'")
				.param("id", endpointId)
				.query(Integer.class)
				.single();
			assertThat(attempts).isEqualTo(EVENTS);
		}
	}

}
