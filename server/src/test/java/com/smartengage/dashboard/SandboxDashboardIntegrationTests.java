package com.smartengage.dashboard;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.ServerTests;
import com.smartengage.support.WebhookReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard and the sandbox: it makes test keys and test-mode endpoints and shows
 * each key's and endpoint's mode, and none of its numbers moves for a sandbox journey.
 */
@IntegrationTest
class SandboxDashboardIntegrationTests extends ServerTests {

	private static final Pattern NEW_KEY = Pattern.compile("<code id=\"new-api-key\">([^<]+)</code>");

	@Test
	void makesATestKeyThatWorksOnlyInTheSandbox() {
		Operator operator = Operator.loggedIn(this.http);
		Fixtures.World world = this.fixtures.world(2);

		Http.Answer page = operator.submit("/dashboard/partners/" + world.partnerId() + "/api-keys",
				Map.of("mode", "test"));

		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		assertThat(page.body()).contains("New test API key for");
		Matcher key = NEW_KEY.matcher(page.body());
		assertThat(key.find()).as(page.body()).isTrue();
		assertThat(key.group(1)).startsWith("se_test_");
		assertThat(this.fixtures.sandboxScan(key.group(1), world.campaignId()).status()).isEqualTo(200);
		assertThat(this.fixtures.sandboxScan(world.apiKey(), world.campaignId()).status()).isEqualTo(403);
		String partners = operator.get("/dashboard/partners").body();
		assertThat(partners).contains("<td>test</td>").contains("<td>live</td>").contains("Create test key");
		Http.Answer live = operator.submit("/dashboard/partners/" + world.partnerId() + "/api-keys", Map.of());
		Matcher liveKey = NEW_KEY.matcher(live.body());
		assertThat(liveKey.find()).isTrue();
		assertThat(liveKey.group(1)).startsWith("se_").doesNotStartWith("se_test_");
	}

	@Test
	void registersATestModeEndpoint() {
		Operator operator = Operator.loggedIn(this.http);
		long partner = this.fixtures.partner("Dashboard sandbox " + UUID.randomUUID());
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			Http.Answer created = operator.submit("/dashboard/partners/" + partner + "/webhooks", "url",
					receiver.url("/sandbox"), "events", "session.status_changed", "mode", "test");

			assertThat(created.status()).as(created.toString()).isEqualTo(200);
			JsonNode endpoints = this.http.get("/admin/api/partners/" + partner + "/webhook-endpoints")
				.admin()
				.send()
				.json();
			assertThat(endpoints).hasSize(1);
			assertThat(endpoints.get(0).get("mode").asString()).isEqualTo("test");
			assertThat(operator.get("/dashboard/partners/" + partner + "/webhooks").body()).contains("test mode");
		}
	}

	@Test
	void noNumberOfTheDashboardMovesForASandboxJourney() {
		Operator operator = Operator.loggedIn(this.http);
		Fixtures.World world = this.fixtures.world(3);
		String testKey = this.fixtures.testKey(world.partnerId()).key();
		String live = this.fixtures.approvedSession(world);
		assertThat(this.fixtures.engage(world.apiKey(), live).status()).isEqualTo(200);
		String data = data(operator, world.campaignId());
		String row = row(operator, world.campaignId());

		String session = this.fixtures.approvedSandboxSession(testKey, world.campaignId());
		String code = this.fixtures.engage(testKey, session).json().get("coupon_code").asString();
		assertThat(this.fixtures.redeem(testKey, code).status()).isEqualTo(200);

		assertThat(data(operator, world.campaignId())).isEqualTo(data);
		assertThat(row(operator, world.campaignId())).isEqualTo(row);
		this.fixtures.scan(world.slug());
		assertThat(data(operator, world.campaignId())).isNotEqualTo(data);
	}

	/** The campaign page's data, without the time it was made. */
	private static String data(Operator operator, long campaign) {
		JsonNode data = operator.get("/dashboard/api/campaigns/" + campaign + "/data").json();
		((ObjectNode) data).remove("updated_at");
		return data.toString();
	}

	/** The campaign's row of today's numbers on the campaigns page. */
	private static String row(Operator operator, long campaign) {
		String page = operator.get("/dashboard").body();
		int start = page.indexOf("data-campaign-id=\"" + campaign + "\"");
		assertThat(start).as("campaign %d on the campaigns page", campaign).isPositive();
		return page.substring(start, page.indexOf("</tr>", start));
	}

}
