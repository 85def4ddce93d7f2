package com.smartengage.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.StandardWebhooksVerifier;
import com.smartengage.support.WebhookReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks end to end over real HTTP: a partner registers an endpoint, a shopper's
 * journey and the coupon produce events, and a receiver on 127.0.0.1 gets each one signed
 * as Standard Webhooks 1.0 asks, checked by a verifier written apart from the server's
 * code. The test server retries after a second (see {@link IntegrationTest}).
 */
@IntegrationTest
class WebhookDeliveryIntegrationTests {

	static final Duration WAIT = Duration.ofSeconds(20);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Http http;

	Fixtures fixtures;

	WebhookReceiver receiver;

	@BeforeEach
	void setUp() {
		this.http = new Http(this.port);
		this.fixtures = new Fixtures(this.http);
		this.receiver = new WebhookReceiver();
	}

	@AfterEach
	void tearDown() {
		this.receiver.close();
	}

	JsonNode register(long partnerId, String body) {
		Http.Answer answer = this.http.post("/admin/api/partners/" + partnerId + "/webhook-endpoints")
			.admin()
			.json(body)
			.send();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		return answer.json();
	}

	JsonNode register(long partnerId) {
		return register(partnerId, "{\"url\": \"" + this.receiver.url("/hooks") + "\"}");
	}

	static java.util.function.Predicate<WebhookReceiver.Request> ofType(String type) {
		return (request) -> request.text().contains("\"type\":\"" + type + "\"");
	}

	static java.util.function.Predicate<WebhookReceiver.Request> ofTypeAndStatus(String type, String status) {
		return (request) -> ofType(type).test(request) && request.text().contains("\"status\":\"" + status + "\"");
	}

	@Test
	void aJourneySendsEveryEventSignedWithTheEndpointsSecret() {
		Fixtures.World world = this.fixtures.world(5);
		JsonNode endpoint = register(world.partnerId());
		String secret = endpoint.get("secret").asString();
		assertThat(secret).startsWith("whsec_");
		assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSizeGreaterThanOrEqualTo(24);
		assertThat(endpoint.get("events").toString())
			.isEqualTo("[\"session.status_changed\",\"coupon.issued\",\"coupon.redeemed\"]");
		StandardWebhooksVerifier verifier = new StandardWebhooksVerifier(secret);

		String session = this.fixtures.approvedSession(world);
		Http.Answer issued = this.fixtures.engage(world.apiKey(), session);
		assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
		String code = issued.json().get("coupon_code").asString();
		Http.Answer redeemed = this.http.post("/smart-engage/post/redeem-coupon")
			.apiKey(world.apiKey())
			.json("{\"coupon_code\": \"" + code + "\"}")
			.send();

		WebhookReceiver.Request scanned = this.receiver.await(ofTypeAndStatus("session.status_changed", "SCANNED"),
				WAIT);
		WebhookReceiver.Request approved = this.receiver
			.await(ofTypeAndStatus("session.status_changed", "FORM_APPROVED"), WAIT);
		WebhookReceiver.Request coupon = this.receiver.await(ofType("coupon.issued"), WAIT);
		for (WebhookReceiver.Request request : List.of(scanned, approved, coupon)) {
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.path()).isEqualTo("/hooks");
			assertThat(request.header("content-type")).isEqualTo("application/json");
			assertThat(request.header("webhook-id")).startsWith("msg_");
			assertThat(Long.parseLong(request.header("webhook-timestamp"))).isCloseTo(Instant.now().getEpochSecond(),
					org.assertj.core.data.Offset.offset(30L));
			assertThat(request.header("webhook-signature")).startsWith("v1,").doesNotContain(" ");
			assertThat(verifier.verify(request)).as(request.text()).isTrue();
			assertThat(new StandardWebhooksVerifier(WebhookSignatures.newSecret()).verify(request)).isFalse();
		}
		JsonNode scannedBody = Http.JSON.readTree(scanned.text());
		assertThat(scannedBody.get("data").get("session_id").asString()).isEqualTo(session);
		assertThat(scannedBody.get("data").get("campaign_id").asLong()).isEqualTo(world.campaignId());
		assertThat(scannedBody.get("data").get("screen_id").asLong()).isEqualTo(world.screenId());
		assertThat(scannedBody.get("data").get("previous_status").isNull()).isTrue();
		assertThat(scannedBody.get("timestamp").asString()).isNotBlank();
		JsonNode approvedData = Http.JSON.readTree(approved.text()).get("data");
		assertThat(approvedData.get("status").asString()).isEqualTo("FORM_APPROVED");
		assertThat(approvedData.get("previous_status").asString()).isEqualTo("SCANNED");
		assertThat(Instant.parse(approvedData.get("changed_at").asString())).isBefore(Instant.now().plusSeconds(1));
		JsonNode couponData = Http.JSON.readTree(coupon.text()).get("data");
		assertThat(couponData.get("coupon_code").asString()).isEqualTo(code);
		assertThat(couponData.get("session_id").asString()).isEqualTo(session);
		assertThat(couponData.get("expires_at").asString()).isEqualTo(issued.json().get("expires_at").asString());
		assertThat(redeemed.status()).as(redeemed.toString()).isEqualTo(200);
		JsonNode redeemedData = Http.JSON.readTree(this.receiver.await(ofType("coupon.redeemed"), WAIT).text())
			.get("data");
		assertThat(redeemedData.get("coupon_code").asString()).isEqualTo(code);
		assertThat(redeemedData.get("redeemed_at").asString()).isNotBlank();
		assertThat(this.receiver.received().stream().map((r) -> r.header("webhook-id")).distinct().count())
			.isEqualTo(this.receiver.received().size());
	}

	@Test
	void anEndpointHearsOnlyItsPartnersEventsOfTheTypesItChose() {
		Fixtures.World mine = this.fixtures.world(5);
		Fixtures.World theirs = this.fixtures.world(5);
		register(mine.partnerId(),
				"{\"url\": \"" + this.receiver.url("/coupons") + "\", \"events\": [\"coupon.issued\"]}");
		String other = this.fixtures.approvedSession(theirs);
		assertThat(this.fixtures.engage(theirs.apiKey(), other).status()).isEqualTo(200);
		String session = this.fixtures.approvedSession(mine);
		assertThat(this.fixtures.engage(mine.apiKey(), session).status()).isEqualTo(200);

		WebhookReceiver.Request coupon = this.receiver.await(ofType("coupon.issued"), WAIT);
		assertThat(coupon.text()).contains(session);
		// Give stray deliveries time to arrive, then check there were none.
		sleep(1500);
		assertThat(this.receiver.received()).hasSize(1);
	}

	@Test
	void retriesAfterAFailureWithTheSameWebhookIdAndLogsEachAttempt() {
		Fixtures.World world = this.fixtures.world(1);
		this.receiver.thenAnswer(WebhookReceiver.Answer.status(500),
				new WebhookReceiver.Answer(503, Duration.ZERO, "{\"error\": \"down for maintenance\"}"));
		long endpointId = register(world.partnerId(),
				"{\"url\": \"" + this.receiver.url("/flaky") + "\", \"events\": [\"session.status_changed\"]}")
			.get("id")
			.asLong();
		this.fixtures.scan(world.slug());

		List<WebhookReceiver.Request> attempts = this.receiver.awaitCount((r) -> true, 3, WAIT);
		assertThat(attempts).extracting((r) -> r.header("webhook-id"))
			.containsOnly(attempts.get(0).header("webhook-id"));
		assertThat(attempts).extracting(WebhookReceiver.Request::text).containsOnly(attempts.get(0).text());
		JsonNode delivery = awaitDelivery(endpointId, "delivered");
		assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
		assertThat(delivery.get("event_type").asString()).isEqualTo("session.status_changed");
		assertThat(delivery.get("webhook_id").asString()).isEqualTo(attempts.get(0).header("webhook-id"));
		assertThat(delivery.get("last_status_code").asInt()).isEqualTo(204);
		JsonNode detail = this.http.get("/admin/api/webhook-deliveries/" + delivery.get("id").asLong())
			.admin()
			.send()
			.json();
		assertThat(detail.get("payload").asString()).isEqualTo(attempts.get(0).text());
		JsonNode log = detail.get("attempt_log");
		assertThat(log).hasSize(3);
		assertThat(log.get(0).get("status_code").asInt()).isEqualTo(204);
		assertThat(log.get(1).get("status_code").asInt()).isEqualTo(503);
		assertThat(log.get(1).get("response").asString()).isEqualTo("{\"error\": \"down for maintenance\"}");
		assertThat(log.get(2).get("status_code").asInt()).isEqualTo(500);
		assertThat(log.get(2).get("error").asString()).isEqualTo("answered 500");
	}

	@Test
	void aTimeoutIsRetriedAndAnEndpointThatNeverAnswersEndsFailed() {
		Fixtures.World world = this.fixtures.world(1);
		this.receiver.alwaysAnswer(WebhookReceiver.Answer.slow(Duration.ofSeconds(4)));
		long endpointId = register(world.partnerId(),
				"{\"url\": \"" + this.receiver.url("/slow") + "\", \"events\": [\"session.status_changed\"]}")
			.get("id")
			.asLong();
		this.fixtures.scan(world.slug());

		// One attempt and three retries, each cut off at the test server's 2 s timeout.
		JsonNode delivery = awaitDelivery(endpointId, "failed");
		assertThat(delivery.get("attempts").asInt()).isEqualTo(4);
		assertThat(delivery.get("last_error").asString()).isEqualTo("timed out after 2 s");
		assertThat(delivery.get("next_attempt_at").isNull()).isTrue();
		JsonNode endpoint = this.http.get("/admin/api/webhook-endpoints/" + endpointId).admin().send().json();
		assertThat(endpoint.get("failing_since").isNull()).isFalse();

		this.receiver.alwaysAnswer(WebhookReceiver.Answer.status(200));
		Http.Answer retried = this.http.post("/admin/api/webhook-deliveries/" + delivery.get("id").asLong() + "/retry")
			.admin()
			.send();
		assertThat(retried.status()).as(retried.toString()).isEqualTo(202);
		assertThat(retried.json().get("state").asString()).isEqualTo("pending");
		JsonNode after = awaitDelivery(endpointId, "delivered");
		assertThat(after.get("attempts").asInt()).isEqualTo(5);
		assertThat(this.http.get("/admin/api/webhook-endpoints/" + endpointId)
			.admin()
			.send()
			.json()
			.get("failing_since")
			.isNull()).isTrue();
	}

	@Test
	void duringARotationBothSecretsSignEachDelivery() {
		Fixtures.World world = this.fixtures.world(1);
		JsonNode endpoint = register(world.partnerId(),
				"{\"url\": \"" + this.receiver.url("/rotating") + "\", \"events\": [\"session.status_changed\"]}");
		String before = endpoint.get("secret").asString();
		Http.Answer rotated = this.http
			.post("/admin/api/partners/" + world.partnerId() + "/webhook-endpoints/" + endpoint.get("id").asLong()
					+ "/rotate-secret")
			.admin()
			.send();
		assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
		String after = rotated.json().get("secret").asString();
		assertThat(after).startsWith("whsec_").isNotEqualTo(before);
		assertThat(Instant.parse(rotated.json().get("previous_secret_until").asString()))
			.isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));

		this.fixtures.scan(world.slug());
		WebhookReceiver.Request request = this.receiver.await((r) -> true, WAIT);
		String[] signatures = request.header("webhook-signature").split(" ");
		assertThat(signatures).hasSize(2).allMatch((s) -> s.startsWith("v1,"));
		assertThat(new StandardWebhooksVerifier(after).verify(request)).isTrue();
		assertThat(new StandardWebhooksVerifier(before).verify(request)).isTrue();
	}

	@Test
	void aTestEventReachesAnEndpointWhateverItChose() {
		Fixtures.World world = this.fixtures.world(1);
		JsonNode endpoint = register(world.partnerId(),
				"{\"url\": \"" + this.receiver.url("/t") + "\", \"events\": [\"coupon.redeemed\"]}");
		Http.Answer test = this.http.post("/admin/api/webhook-endpoints/" + endpoint.get("id").asLong() + "/test")
			.admin()
			.send();
		assertThat(test.status()).as(test.toString()).isEqualTo(202);
		assertThat(test.json().get("event_type").asString()).isEqualTo("webhook.test");
		WebhookReceiver.Request request = this.receiver.await(ofType("webhook.test"), WAIT);
		assertThat(new StandardWebhooksVerifier(endpoint.get("secret").asString()).verify(request)).isTrue();
	}

	@Test
	void aDisabledEndpointHearsNothingUntilEnabled() {
		Fixtures.World world = this.fixtures.world(1);
		long endpointId = register(world.partnerId(),
				"{\"url\": \"" + this.receiver.url("/d") + "\", \"events\": [\"session.status_changed\"]}")
			.get("id")
			.asLong();
		Http.Answer disabled = this.http.post("/admin/api/webhook-endpoints/" + endpointId + "/disable").admin().send();
		assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
		assertThat(disabled.json().get("disabled_reason").asString()).isEqualTo("disabled by an operator");
		this.fixtures.scan(world.slug());
		sleep(1500);
		assertThat(this.receiver.received()).isEmpty();

		assertThat(this.http.post("/admin/api/webhook-endpoints/" + endpointId + "/enable")
			.admin()
			.send()
			.json()
			.get("enabled")
			.asBoolean()).isTrue();
		String session = this.fixtures.scan(world.slug());
		assertThat(this.receiver.await((r) -> true, WAIT).text()).contains(session);
	}

	@Test
	void aRedirectIsNotFollowedAndOnlyTheStartOfALargeAnswerIsRead() {
		Fixtures.World world = this.fixtures.world(1);
		this.receiver.alwaysAnswer(WebhookReceiver.Answer.redirect(this.receiver.url("/elsewhere")));
		long redirected = register(world.partnerId(),
				"{\"url\": \"" + this.receiver.url("/moved") + "\", \"events\": [\"session.status_changed\"]}")
			.get("id")
			.asLong();
		this.fixtures.scan(world.slug());
		JsonNode failed = awaitDelivery(redirected, "failed");
		assertThat(failed.get("last_status_code").asInt()).isEqualTo(302);
		assertThat(failed.get("last_error").asString()).isEqualTo("answered 302 (redirects are not followed)");
		assertThat(this.receiver.received()).extracting(WebhookReceiver.Request::path).containsOnly("/moved");

		try (WebhookReceiver talkative = new WebhookReceiver()) {
			talkative.alwaysAnswer(new WebhookReceiver.Answer(200, Duration.ZERO, "x".repeat(1024 * 1024)));
			Fixtures.World other = this.fixtures.world(1);
			long endpoint = register(other.partnerId(),
					"{\"url\": \"" + talkative.url("/big") + "\", \"events\": [\"session.status_changed\"]}")
				.get("id")
				.asLong();
			this.fixtures.scan(other.slug());
			JsonNode delivered = awaitDelivery(endpoint, "delivered");
			JsonNode detail = this.http.get("/admin/api/webhook-deliveries/" + delivered.get("id").asLong())
				.admin()
				.send()
				.json();
			assertThat(detail.get("attempt_log").get(0).get("response").asString()).hasSize(2000);
		}
	}

	@Test
	void aSlowEndpointGetsAFewAttemptsAtOnceAndDoesNotHoldBackOtherPartners() {
		Fixtures.World slowWorld = this.fixtures.world(1);
		Fixtures.World fastWorld = this.fixtures.world(1);
		this.receiver.alwaysAnswer(WebhookReceiver.Answer.slow(Duration.ofMillis(1500)));
		register(slowWorld.partnerId(),
				"{\"url\": \"" + this.receiver.url("/slow") + "\", \"events\": [\"session.status_changed\"]}");
		try (WebhookReceiver fast = new WebhookReceiver()) {
			register(fastWorld.partnerId(),
					"{\"url\": \"" + fast.url("/fast") + "\", \"events\": [\"session.status_changed\"]}");
			for (int i = 0; i < 24; i++) {
				this.fixtures.scan(slowWorld.slug());
			}
			long started = System.nanoTime();
			String session = this.fixtures.scan(fastWorld.slug());
			fast.await((r) -> r.text().contains(session), WAIT);
			long tookMillis = (System.nanoTime() - started) / 1_000_000;
			// 24 slow deliveries take 9 s at 4 at once; the other partner's is not behind
			// them.
			assertThat(tookMillis).as("the fast partner's delivery, in ms").isLessThan(3000);
			this.receiver.awaitCount((r) -> true, 24, Duration.ofSeconds(40));
			assertThat(this.receiver.mostInFlight()).isBetween(1, 4);
		}
	}

	@Test
	void anEndpointFailingForFiveDaysIsDisabledAndAudited() {
		Fixtures.World world = this.fixtures.world(1);
		this.receiver.alwaysAnswer(WebhookReceiver.Answer.status(500));
		long endpointId = register(world.partnerId(),
				"{\"url\": \"" + this.receiver.url("/down") + "\", \"events\": [\"session.status_changed\"]}")
			.get("id")
			.asLong();
		this.jdbc.sql("UPDATE webhook_endpoint SET failing_since = :since WHERE id = :id")
			.param("since", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(5).minusMinutes(1))
			.param("id", endpointId)
			.update();
		this.fixtures.scan(world.slug());
		this.receiver.await((r) -> true, WAIT);
		JsonNode endpoint = awaitEndpoint(endpointId, false);
		assertThat(endpoint.get("disabled_reason").asString()).startsWith("every attempt failed since ")
			.endsWith("(5 days or more)");
		JsonNode audit = this.http.get("/admin/api/audit?limit=200").admin().send().json();
		assertThat(audit.valueStream()
			.filter((e) -> e.get("action").asString().equals("webhook_endpoint.disabled")
					&& e.get("target_id").asString().equals(Long.toString(endpointId)))
			.findFirst()).hasValueSatisfying((e) -> assertThat(e.get("actor").asString()).isEqualTo("system"));
		// Nothing new reaches it, and its pending delivery ends failed rather than
		// retried.
		JsonNode delivery = awaitDelivery(endpointId, "failed");
		assertThat(delivery.get("last_error").asString()).isEqualTo("not sent: the endpoint is disabled");
		int before = this.receiver.received().size();
		this.fixtures.scan(world.slug());
		sleep(1500);
		assertThat(this.receiver.received()).hasSize(before);
	}

	JsonNode awaitEndpoint(long endpointId, boolean enabled) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (true) {
			JsonNode endpoint = this.http.get("/admin/api/webhook-endpoints/" + endpointId).admin().send().json();
			if (endpoint.get("enabled").asBoolean() == enabled) {
				return endpoint;
			}
			assertThat(System.nanoTime()).as("endpoint enabled=%s within %s: %s", enabled, WAIT, endpoint)
				.isLessThan(deadline);
			sleep(100);
		}
	}

	JsonNode awaitDelivery(long endpointId, String state) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (true) {
			JsonNode deliveries = this.http.get("/admin/api/webhook-endpoints/" + endpointId + "/deliveries")
				.admin()
				.send()
				.json();
			if (!deliveries.isEmpty() && deliveries.get(0).get("state").asString().equals(state)) {
				return deliveries.get(0);
			}
			assertThat(System.nanoTime()).as("delivery %s within %s: %s", state, WAIT, deliveries).isLessThan(deadline);
			sleep(100);
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
