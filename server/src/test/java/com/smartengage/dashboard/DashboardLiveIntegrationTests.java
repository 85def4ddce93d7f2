package com.smartengage.dashboard;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.ServerTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An open campaign page hears of a new scan or step within two seconds, through
 * server-sent events, and only of its own campaign.
 */
@IntegrationTest
class DashboardLiveIntegrationTests extends ServerTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@Test
	void aScanAndAStepReachTheOpenStreamWithinTwoSeconds() throws Exception {
		Operator operator = Operator.loggedIn(this.http);
		Fixtures.World world = this.fixtures.world(1);
		Fixtures.World other = this.fixtures.world(1);

		try (EventStreams.EventStream stream = open(operator, world.campaignId())) {
			assertThat(stream.next(Duration.ofSeconds(5))).isEqualTo("event:ready");

			String session = this.fixtures.scan(world.slug());
			assertThat(stream.next(Duration.ofSeconds(2))).isEqualTo("event:changed");

			this.fixtures.scan(other.slug());
			assertThat(stream.next(Duration.ofMillis(1200))).as("another campaign's scan").isNull();

			assertThat(this.fixtures.updateStatus(world.apiKey(), session, "FORM_SUBMITTED").status()).isEqualTo(200);
			assertThat(stream.next(Duration.ofSeconds(2))).isEqualTo("event:changed");
		}
	}

	@Test
	void aPauseOrAPlacementThroughTheAdminApiReachesTheOpenStream() throws Exception {
		Operator operator = Operator.loggedIn(this.http);
		Fixtures.World world = this.fixtures.world(1);

		try (EventStreams.EventStream stream = open(operator, world.campaignId())) {
			assertThat(stream.next(Duration.ofSeconds(5))).isEqualTo("event:ready");

			assertThat(this.http.post("/admin/api/campaigns/" + world.campaignId() + "/pause").admin().send().status())
				.isEqualTo(200);
			assertThat(stream.next(Duration.ofSeconds(2))).as("paused through the admin API")
				.isEqualTo("event:changed");

			assertThat(this.http.post("/admin/api/campaigns/" + world.campaignId() + "/resume").admin().send().status())
				.isEqualTo(200);
			assertThat(stream.next(Duration.ofSeconds(2))).as("resumed through the admin API")
				.isEqualTo("event:changed");

			this.fixtures.placement(world.campaignId(), this.fixtures.screen("Screen " + System.nanoTime()));
			assertThat(stream.next(Duration.ofSeconds(2))).as("placed through the admin API")
				.isEqualTo("event:changed");

			Http.Answer codes = this.http.post("/admin/api/campaigns/" + world.campaignId() + "/coupon-codes")
				.admin()
				.json("[\"LIVE-" + System.nanoTime() + "\"]")
				.send();
			assertThat(codes.status()).isEqualTo(200);
			assertThat(stream.next(Duration.ofSeconds(2))).as("codes imported through the admin API")
				.isEqualTo("event:changed");
		}
	}

	@Test
	void aFloodOfScansBecomesAFewEvents() throws Exception {
		Operator operator = Operator.loggedIn(this.http);
		Fixtures.World world = this.fixtures.world(1);

		try (EventStreams.EventStream stream = open(operator, world.campaignId())) {
			assertThat(stream.next(Duration.ofSeconds(5))).isEqualTo("event:ready");
			long started = System.nanoTime();
			for (int i = 0; i < 30; i++) {
				this.fixtures.scan(world.slug());
			}
			long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + 1);
			int changed = 0;
			for (String line; (line = stream.next(Duration.ofMillis(1500))) != null;) {
				changed += line.equals("event:changed") ? 1 : 0;
			}
			// At most one per half second, plus the one at each end of the window.
			assertThat(changed).isBetween(1, (int) (2 * seconds + 2));
		}
	}

	@Test
	void theStreamNeedsASessionAndAKnownCampaign() {
		Http.Answer anonymous = this.http.get("/dashboard/api/campaigns/1/events").send();
		assertThat(anonymous.status()).isEqualTo(401);

		Operator operator = Operator.loggedIn(this.http);
		Http.Answer unknown = operator.get("/dashboard/api/campaigns/987654321/events");
		assertThat(unknown.status()).isEqualTo(404);
	}

	private EventStreams.EventStream open(Operator operator, long campaignId) {
		return EventStreams.open(this.client, this.http.base(), operator, campaignId);
	}

}
