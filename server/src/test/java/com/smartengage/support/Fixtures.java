package com.smartengage.support;

import java.util.UUID;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds test data through the public admin API and the scan, as an operator and a
 * shopper would. Every call makes new rows, so tests never share state.
 */
public final class Fixtures {

	public static final String FORM_URL = "https://partner.example.com/form?lang=th#top";

	private final Http http;

	public Fixtures(Http http) {
		this.http = http;
	}

	public long partner(String name) {
		Http.Answer answer = this.http.post("/admin/api/partners").admin().json(json("name", name)).send();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		return answer.json().get("id").asLong();
	}

	public ApiKey apiKey(long partnerId) {
		Http.Answer answer = this.http.post("/admin/api/partners/" + partnerId + "/api-keys").admin().send();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		return new ApiKey(answer.json().get("id").asLong(), answer.json().get("api_key").asString());
	}

	/** A test key of the partner: its calls see sandbox sessions only. */
	public ApiKey testKey(long partnerId) {
		Http.Answer answer = this.http.post("/admin/api/partners/" + partnerId + "/api-keys")
			.admin()
			.json("{\"mode\": \"test\"}")
			.send();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		assertThat(answer.json().get("mode").asString()).isEqualTo("test");
		return new ApiKey(answer.json().get("id").asLong(), answer.json().get("api_key").asString());
	}

	public long screen(String name) {
		Http.Answer answer = this.http.post("/admin/api/screens").admin().json(json("name", name)).send();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		return answer.json().get("id").asLong();
	}

	/** A campaign created from a raw JSON body; asserts the 201. */
	public JsonNode campaign(String body) {
		Http.Answer answer = this.http.post("/admin/api/campaigns").admin().json(body).send();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		return answer.json();
	}

	public long campaign(long partnerId, int couponQuota) {
		return campaign("{\"partner_id\": " + partnerId + ", \"name\": \"Campaign " + UUID.randomUUID()
				+ "\", \"form_url\": \"" + FORM_URL + "\", \"coupon_quota\": " + couponQuota + "}")
			.get("id")
			.asLong();
	}

	/**
	 * A webhook endpoint of the partner that receives every event type at {@code url};
	 * answers its id and its secret.
	 */
	public JsonNode webhookEndpoint(long partnerId, String url) {
		Http.Answer answer = this.http.post("/admin/api/partners/" + partnerId + "/webhook-endpoints")
			.admin()
			.json(json("url", url))
			.send();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		return answer.json();
	}

	/** A placement's slug. */
	public String placement(long campaignId, long screenId) {
		Http.Answer answer = this.http.post("/admin/api/campaigns/" + campaignId + "/placements")
			.admin()
			.json("{\"screen_id\": " + screenId + "}")
			.send();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		return answer.json().get("slug").asString();
	}

	/** Scans the placement as a phone would; answers the new session's id. */
	public String scan(String slug) {
		Http.Answer answer = this.http.get("/s/" + slug)
			.header("User-Agent", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Mobile/15E148")
			.send();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(302);
		String location = answer.header("Location");
		int at = location.indexOf("session_id=");
		assertThat(at).as(location).isPositive();
		return location.substring(at + "session_id=".length(), at + "session_id=".length() + 36);
	}

	/**
	 * {@code POST /smart-engage/post/sandbox/scan} with the key, naming the campaign
	 * unless it is null.
	 */
	public Http.Answer sandboxScan(String apiKey, Long campaignId) {
		return this.http.post("/smart-engage/post/sandbox/scan")
			.apiKey(apiKey)
			.json(campaignId == null ? "{}" : "{\"campaign_id\": " + campaignId + "}")
			.send();
	}

	/** A new sandbox session of the campaign, made with the test key; its id. */
	public String sandboxSession(String testKey, long campaignId) {
		Http.Answer answer = sandboxScan(testKey, campaignId);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		return answer.json().get("session_id").asString();
	}

	/** A sandbox session walked to FORM_APPROVED with the test key. */
	public String approvedSandboxSession(String testKey, long campaignId) {
		String session = sandboxSession(testKey, campaignId);
		assertThat(updateStatus(testKey, session, "FORM_APPROVED").status()).isEqualTo(200);
		return session;
	}

	public Http.Answer redeem(String apiKey, String couponCode) {
		return this.http.post("/smart-engage/post/redeem-coupon")
			.apiKey(apiKey)
			.json(Http.JSON.createObjectNode().put("coupon_code", couponCode).toString())
			.send();
	}

	public Http.Answer view(String apiKey, String sessionId) {
		return this.http.get("/smart-engage/get/session/" + sessionId).apiKey(apiKey).send();
	}

	public Http.Answer updateStatus(String apiKey, String sessionId, String newStatus) {
		return this.http.post("/smart-engage/post/update-session-status")
			.apiKey(apiKey)
			.json("{\"session_id\": \"" + sessionId + "\", \"new_status\": \"" + newStatus + "\"}")
			.send();
	}

	public Http.Answer engage(String apiKey, String sessionId) {
		return this.http.post("/smart-engage/post/engage-v3/" + sessionId)
			.apiKey(apiKey)
			.header("Content-Type", "application/json")
			.send();
	}

	/** A ready world: partner, key, campaign with a pool, screen, placement. */
	public World world(int couponQuota) {
		long partner = partner("Partner " + UUID.randomUUID());
		ApiKey key = apiKey(partner);
		long campaign = campaign(partner, couponQuota);
		long screen = screen("Screen " + UUID.randomUUID());
		return new World(partner, key.key(), campaign, screen, placement(campaign, screen));
	}

	/** A session scanned and walked to FORM_APPROVED. */
	public String approvedSession(World world) {
		String session = scan(world.slug());
		assertThat(updateStatus(world.apiKey(), session, "FORM_APPROVED").status()).isEqualTo(200);
		return session;
	}

	/**
	 * How many coupons of the campaign's pool were issued, as the admin API counts them.
	 */
	public long couponsIssued(long campaignId) {
		return this.http.get("/admin/api/campaigns/" + campaignId)
			.admin()
			.send()
			.json()
			.get("coupons")
			.get("issued")
			.asLong();
	}

	private static String json(String field, String value) {
		return Http.JSON.createObjectNode().put(field, value).toString();
	}

	public record ApiKey(long id, String key) {
	}

	public record World(long partnerId, String apiKey, long campaignId, long screenId, String slug) {
	}

}
