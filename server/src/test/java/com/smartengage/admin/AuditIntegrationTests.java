package com.smartengage.admin;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.ServerTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admin actions are recorded with who and when, can be listed, and never hold a secret.
 */
@IntegrationTest
class AuditIntegrationTests extends ServerTests {

	@Test
	void recordsKeysCreatedAndRevokedAndCampaignChangesWithWhoAndWhen() {
		Fixtures.World world = this.fixtures.world(2);
		Fixtures.ApiKey key = this.fixtures.apiKey(world.partnerId());
		assertThat(this.http.call("DELETE", "/admin/api/api-keys/" + key.id()).admin().send().status()).isEqualTo(204);
		assertThat(this.http.post("/admin/api/campaigns/" + world.campaignId() + "/pause").admin().send().status())
			.isEqualTo(200);
		assertThat(this.http.post("/admin/api/campaigns/" + world.campaignId() + "/coupon-codes")
			.admin()
			.json("[\"AUDIT-1\", \"AUDIT-2\"]")
			.send()
			.status()).isEqualTo(200);

		Http.Answer answer = this.http.get("/admin/api/audit?limit=50").admin().send();
		assertThat(answer.status()).isEqualTo(200);
		List<JsonNode> events = answer.json().valueStream().toList();
		// Other tests act too (the dashboard's as "dashboard"): check this test's own
		// events.
		assertThat(List.of(find(events, "api_key.revoked", key.id()), find(events, "api_key.created", key.id()),
				find(events, "campaign.paused", world.campaignId()),
				find(events, "coupon_codes.imported", world.campaignId())))
			.extracting((e) -> e.get("actor").asString())
			.containsOnly("admin-token");
		assertThat(events).allSatisfy((e) -> assertThat(e.get("occurred_at").asString()).isNotBlank());
		assertThat(find(events, "api_key.revoked", key.id())).isNotNull();
		assertThat(find(events, "api_key.created", key.id()).get("details").asString())
			.contains("partner " + world.partnerId());
		assertThat(find(events, "campaign.paused", world.campaignId())).isNotNull();
		assertThat(find(events, "campaign.created", world.campaignId()).get("details").asString())
			.contains("coupons 2");
		assertThat(find(events, "coupon_codes.imported", world.campaignId()).get("details").asString())
			.isEqualTo("imported 2, duplicates 0");
		assertThat(find(events, "partner.created", world.partnerId())).isNotNull();
		assertThat(find(events, "screen.created", world.screenId())).isNotNull();
		assertThat(find(events, "placement.created", world.slug())).isNotNull();
		assertThat(answer.body()).doesNotContain(key.key()).doesNotContain(IntegrationTest.ADMIN_TOKEN);
	}

	@Test
	void pagesNewestFirstWithBeforeId() {
		this.fixtures.partner("Audit paging A");
		this.fixtures.partner("Audit paging B");
		List<JsonNode> first = this.http.get("/admin/api/audit?limit=1").admin().send().json().valueStream().toList();
		assertThat(first).hasSize(1);
		long newest = first.get(0).get("id").asLong();
		assertThat(first.get(0).get("details").asString()).isEqualTo("name Audit paging B");
		List<JsonNode> next = this.http.get("/admin/api/audit?limit=1&before_id=" + newest)
			.admin()
			.send()
			.json()
			.valueStream()
			.toList();
		assertThat(next.get(0).get("id").asLong()).isLessThan(newest);
		assertThat(next.get(0).get("details").asString()).isEqualTo("name Audit paging A");
	}

	@Test
	void refusesALimitOutOfRangeAndNeedsTheAdminToken() {
		Http.Answer tooMany = this.http.get("/admin/api/audit?limit=5000").admin().send();
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.errorMsg()).isEqualTo("limit must be between 1 and 1000, not 5000");
		assertThat(this.http.get("/admin/api/audit").send().status()).isEqualTo(401);
	}

	private static JsonNode find(List<JsonNode> events, String action, Object targetId) {
		return events.stream()
			.filter((e) -> e.get("action").asString().equals(action)
					&& e.get("target_id").asString().equals(String.valueOf(targetId)))
			.findFirst()
			.orElse(null);
	}

}
