package com.smartengage.webhook;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.ServerTests;
import com.smartengage.support.StandardWebhooksVerifier;
import com.smartengage.support.WebhookReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks by mode: a live session's events reach the partner's live endpoints only, a
 * sandbox session's its test endpoints only, each signed with that endpoint's secret.
 */
@IntegrationTest
class SandboxWebhooksIntegrationTests extends ServerTests {

	static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	JdbcClient jdbc;

	WebhookReceiver receiver;

	Fixtures.World world;

	String testKey;

	@BeforeEach
	void setUp() {
		this.receiver = new WebhookReceiver();
		this.world = this.fixtures.world(5);
		this.testKey = this.fixtures.testKey(this.world.partnerId()).key();
	}

	@AfterEach
	void tearDown() {
		this.receiver.close();
	}

	@Test
	void anEndpointIsLiveUnlessRegisteredForTestMode() {
		JsonNode live = register("{\"url\": \"" + this.receiver.url("/live") + "\"}");
		JsonNode test = register("{\"url\": \"" + this.receiver.url("/test") + "\", \"mode\": \"test\"}");

		assertThat(live.get("mode").asString()).isEqualTo("live");
		assertThat(test.get("mode").asString()).isEqualTo("test");
		assertThat(test.get("secret").asString()).startsWith("whsec_");
		String base = "/admin/api/partners/" + this.world.partnerId() + "/webhook-endpoints";
		assertThat(this.http.get(base + "/" + test.get("id").asLong()).admin().send().json().get("mode").asString())
			.isEqualTo("test");
		assertThat(this.http.get(base).admin().send().json().findValuesAsString("mode")).containsExactly("live",
				"test");
		Http.Answer bad = this.http.post(base)
			.admin()
			.json("{\"url\": \"" + this.receiver.url("/x") + "\", \"mode\": \"sandbox\"}")
			.send();
		assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
		assertThat(bad.errorMsg()).isEqualTo("mode must be \"live\" or \"test\", not sandbox");
		assertThat(this.http.get(base).admin().send().json()).hasSize(2);
	}

	@Test
	void eachSessionsEventsReachTheEndpointsOfItsModeOnly() {
		JsonNode live = register("{\"url\": \"" + this.receiver.url("/live") + "\"}");
		JsonNode test = register("{\"url\": \"" + this.receiver.url("/test") + "\", \"mode\": \"test\"}");

		String sandbox = this.fixtures.approvedSandboxSession(this.testKey, this.world.campaignId());
		String sandboxCode = this.fixtures.engage(this.testKey, sandbox).json().get("coupon_code").asString();
		assertThat(this.fixtures.redeem(this.testKey, sandboxCode).status()).isEqualTo(200);
		String session = this.fixtures.approvedSession(this.world);
		String code = this.fixtures.engage(this.world.apiKey(), session).json().get("coupon_code").asString();
		assertThat(this.fixtures.redeem(this.world.apiKey(), code).status()).isEqualTo(200);

		// Four events each: SCANNED, FORM_APPROVED, coupon.issued, coupon.redeemed.
		List<WebhookReceiver.Request> toTest = this.receiver.awaitCount(at("/test"), 4, WAIT);
		List<WebhookReceiver.Request> toLive = this.receiver.awaitCount(at("/live"), 4, WAIT);
		StandardWebhooksVerifier testSecret = new StandardWebhooksVerifier(test.get("secret").asString());
		StandardWebhooksVerifier liveSecret = new StandardWebhooksVerifier(live.get("secret").asString());
		for (WebhookReceiver.Request request : toTest) {
			assertThat(request.text()).contains(sandbox).doesNotContain(session);
			assertThat(testSecret.verify(request)).isTrue();
			assertThat(liveSecret.verify(request)).isFalse();
		}
		for (WebhookReceiver.Request request : toLive) {
			assertThat(request.text()).contains(session).doesNotContain(sandbox);
			assertThat(liveSecret.verify(request)).isTrue();
		}
		JsonNode scanned = Http.JSON
			.readTree(toTest.stream()
				.filter((r) -> r.text().contains("\"status\":\"SCANNED\""))
				.findFirst()
				.orElseThrow()
				.text())
			.get("data");
		assertThat(scanned.get("campaign_id").asLong()).isEqualTo(this.world.campaignId());
		assertThat(scanned.get("screen_id").isNull()).isTrue();
		assertThat(toTest.stream()
			.filter((r) -> r.text().contains("\"type\":\"coupon.issued\""))
			.findFirst()
			.orElseThrow()
			.text()).contains(sandboxCode);
		assertThat(this.receiver.received()).hasSize(8);
	}

	@Test
	void aPartnerWithOnlyLiveEndpointsHearsNothingOfItsSandbox() {
		register("{\"url\": \"" + this.receiver.url("/live") + "\"}");

		String sandbox = this.fixtures.approvedSandboxSession(this.testKey, this.world.campaignId());
		assertThat(this.fixtures.engage(this.testKey, sandbox).status()).isEqualTo(200);
		String session = this.fixtures.scan(this.world.slug());

		WebhookReceiver.Request request = this.receiver.await((r) -> true, WAIT);
		assertThat(request.text()).contains(session);
		assertThat(this.receiver.received()).allSatisfy((r) -> assertThat(r.text()).doesNotContain(sandbox));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM webhook_delivery WHERE payload LIKE :id")
			.param("id", "%" + sandbox + "%")
			.query(Long.class)
			.single()).as("nothing of the sandbox session is even queued").isZero();
	}

	private JsonNode register(String body) {
		Http.Answer answer = this.http.post("/admin/api/partners/" + this.world.partnerId() + "/webhook-endpoints")
			.admin()
			.json(body)
			.send();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		return answer.json();
	}

	private static Predicate<WebhookReceiver.Request> at(String path) {
		return (request) -> request.path().equals(path);
	}

}
