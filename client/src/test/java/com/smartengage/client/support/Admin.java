package com.smartengage.client.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator's side of the real server, through its admin API and a phone's scan: every
 * call makes new rows, so tests share no state.
 */
public final class Admin {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Mobile/15E148";

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final URI baseUrl;

	private final String token;

	Admin(URI baseUrl, String token) {
		this.baseUrl = baseUrl;
		this.token = token;
	}

	/** A partner with a key, a campaign of {@code couponQuota} coupons on a screen. */
	public World world(int couponQuota) {
		long partner = post("/admin/api/partners", "{\"name\": \"Partner " + UUID.randomUUID() + "\"}").get("id")
			.asLong();
		String apiKey = post("/admin/api/partners/" + partner + "/api-keys", "{}").get("api_key").asString();
		long campaign = post("/admin/api/campaigns",
				"{\"partner_id\": " + partner + ", \"name\": \"Campaign " + UUID.randomUUID()
						+ "\", \"form_url\": \"https://partner.example.com/form\", \"coupon_quota\": " + couponQuota
						+ "}")
			.get("id")
			.asLong();
		long screen = post("/admin/api/screens", "{\"name\": \"Screen " + UUID.randomUUID() + "\"}").get("id").asLong();
		String slug = post("/admin/api/campaigns/" + campaign + "/placements", "{\"screen_id\": " + screen + "}")
			.get("slug")
			.asString();
		return new World(partner, apiKey, campaign, screen, slug);
	}

	/**
	 * A test API key of the partner, for sandbox calls (a server without the sandbox
	 * makes a live one).
	 */
	public String testApiKey(long partnerId) {
		return post("/admin/api/partners/" + partnerId + "/api-keys", "{\"mode\": \"test\"}").get("api_key").asString();
	}

	/** Scans the placement as a phone would; answers the new session's id. */
	public String scan(World world) {
		HttpResponse<String> answer = send(HttpRequest.newBuilder(this.baseUrl.resolve("/s/" + world.slug()))
			.header("User-Agent", PHONE)
			.GET()
			.build());
		String location = answer.headers().firstValue("Location").orElseThrow();
		if (answer.statusCode() != 302 || !location.contains("session_id=")) {
			throw new IllegalStateException("The scan answered " + answer.statusCode() + " " + location);
		}
		int at = location.indexOf("session_id=") + "session_id=".length();
		return location.substring(at, at + 36);
	}

	/**
	 * Registers a webhook endpoint of every event type for the partner; answers its id
	 * and secret.
	 */
	public Endpoint webhookEndpoint(long partnerId, URI url) {
		JsonNode endpoint = post("/admin/api/partners/" + partnerId + "/webhook-endpoints",
				JSON.createObjectNode().put("url", url.toString()).toString());
		return new Endpoint(endpoint.get("id").asLong(), endpoint.get("secret").asString());
	}

	/** A new secret for the endpoint; the old one keeps signing for a while. */
	public String rotateSecret(long partnerId, long endpointId) {
		return post("/admin/api/partners/" + partnerId + "/webhook-endpoints/" + endpointId + "/rotate-secret", "{}")
			.get("secret")
			.asString();
	}

	/** Sends the endpoint a webhook.test event. */
	public void sendTestEvent(long partnerId, long endpointId) {
		post("/admin/api/partners/" + partnerId + "/webhook-endpoints/" + endpointId + "/test", "{}");
	}

	private JsonNode post(String path, String json) {
		HttpResponse<String> answer = send(HttpRequest.newBuilder(this.baseUrl.resolve(path))
			.header("Authorization", "Bearer " + this.token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
		if (answer.statusCode() / 100 != 2) {
			throw new IllegalStateException("POST " + path + " answered " + answer.statusCode() + " " + answer.body());
		}
		return JSON.readTree(answer.body());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** What a test needs of a partner's set-up. */
	public record World(long partnerId, String apiKey, long campaignId, long screenId, String slug) {
	}

	/** A registered webhook endpoint. */
	public record Endpoint(long id, String secret) {
	}

}
