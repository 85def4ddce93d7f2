package com.smartengage.common.infra;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.SecondInstance;
import com.smartengage.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Changes made on one instance reach the caches of another through PostgreSQL
 * LISTEN/NOTIFY: a revoked key and a paused campaign stop working on both, without
 * waiting for cache expiry.
 */
@IntegrationTest
class ClusterEventsIntegrationTests {

	static ConfigurableApplicationContext second;

	@LocalServerPort
	int port;

	Http first;

	Http other;

	Fixtures fixtures;

	@BeforeAll
	static void startSecondInstance() {
		assumeTrue(TestDatabase.isPostgres(), "two instances share a database only on PostgreSQL");
		second = SecondInstance.start(
				// Long enough that only a cluster event can explain a change seen within
				// the test.
				"--smart-engage.partner-api.key-cache-ttl=10m", "--smart-engage.campaign.cache-ttl=10m");
	}

	@AfterAll
	static void stopSecondInstance() {
		if (second != null) {
			second.close();
		}
	}

	@BeforeEach
	void setUp() {
		this.first = new Http(this.port);
		this.other = new Http(SecondInstance.port(second));
		this.fixtures = new Fixtures(this.first);
	}

	@Test
	void keyRevokedOnOneInstanceStopsWorkingOnTheOther() {
		Fixtures.World world = this.fixtures.world(1);
		String session = this.fixtures.scan(world.slug());
		Supplier<Integer> readOnOther = () -> this.other.get("/smart-engage/get/session/" + session)
			.apiKey(world.apiKey())
			.send()
			.status();
		assertThat(readOnOther.get()).isEqualTo(200);

		long keyId = this.first.get("/admin/api/partners/" + world.partnerId() + "/api-keys")
			.admin()
			.send()
			.json()
			.get(0)
			.get("id")
			.asLong();
		assertThat(this.first.call("DELETE", "/admin/api/api-keys/" + keyId).admin().send().status()).isEqualTo(204);

		assertThat(waitFor(() -> readOnOther.get() == 401)).as("revoked key refused on the other instance").isTrue();
	}

	@Test
	void campaignPausedOnOneInstanceStopsScansOnTheOther() {
		Fixtures.World world = this.fixtures.world(1);
		assertThat(this.other.get("/s/" + world.slug()).header("User-Agent", "Mozilla/5.0").send().status())
			.isEqualTo(302);

		assertThat(this.first.post("/admin/api/campaigns/" + world.campaignId() + "/pause").admin().send().status())
			.isEqualTo(200);

		assertThat(waitFor(
				() -> this.other.get("/s/" + world.slug()).header("User-Agent", "Mozilla/5.0").send().status() == 503))
			.as("paused campaign refused on the other instance")
			.isTrue();
	}

	/** Polls for up to 3 s: NOTIFY is delivered asynchronously, in milliseconds. */
	private static boolean waitFor(Supplier<Boolean> condition) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(3));
		while (Instant.now().isBefore(deadline)) {
			if (condition.get()) {
				return true;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return condition.get();
	}

}
