package com.smartengage.dashboard;

import java.net.http.HttpClient;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.SecondInstance;
import com.smartengage.support.ServerTests;
import com.smartengage.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * With two instances on one PostgreSQL, a campaign page open on one hears within two
 * seconds of a scan and a step served by the other: the change travels through PostgreSQL
 * LISTEN/NOTIFY.
 */
@IntegrationTest
class DashboardLiveAcrossInstancesIntegrationTests extends ServerTests {

	static ConfigurableApplicationContext second;

	private final HttpClient client = HttpClient.newHttpClient();

	@BeforeAll
	static void startSecondInstance() {
		assumeTrue(TestDatabase.isPostgres(), "two instances share a database only on PostgreSQL");
		second = SecondInstance.start();
	}

	@AfterAll
	static void stopSecondInstance() {
		if (second != null) {
			second.close();
		}
	}

	@Test
	void aScanAndAStepOnTheOtherInstanceReachTheOpenStreamWithinTwoSeconds() throws Exception {
		Http other = new Http(SecondInstance.port(second));
		Fixtures onOther = new Fixtures(other);
		Operator operator = Operator.loggedIn(this.http);
		Fixtures.World world = this.fixtures.world(1);

		try (EventStreams.EventStream stream = EventStreams.open(this.client, this.http.base(), operator,
				world.campaignId())) {
			assertThat(stream.next(Duration.ofSeconds(5))).isEqualTo("event:ready");

			String session = onOther.scan(world.slug());
			assertThat(stream.next(Duration.ofSeconds(2))).as("a scan served by the other instance")
				.isEqualTo("event:changed");

			assertThat(onOther.updateStatus(world.apiKey(), session, "FORM_SUBMITTED").status()).isEqualTo(200);
			assertThat(stream.next(Duration.ofSeconds(2))).as("a step served by the other instance")
				.isEqualTo("event:changed");
		}
	}

}
