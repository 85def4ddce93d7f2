package com.smartengage.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.ServerTests;
import com.smartengage.support.WebhookReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every dashboard page renders for a logged-in operator and sends others to the login
 * page; forms create what they say; operator text is always shown as text.
 */
@IntegrationTest
class DashboardPagesIntegrationTests extends ServerTests {

	static final String HOSTILE = "<script>alert('x')</script><img src=x onerror=alert(1)> & \"Co\"";

	private static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b[^>]*>", Pattern.CASE_INSENSITIVE);

	@Test
	void theDashboardAndTheAdminApiAnswerAPlacementsQrCodeAlike() {
		Fixtures.World world = this.fixtures.world(1);
		Operator operator = Operator.loggedIn(this.http);
		for (String file : List.of("qr.png", "qr.svg")) {
			Http.Answer admin = this.http.get("/admin/api/placements/" + world.slug() + "/" + file).admin().send();
			Http.Answer dashboard = operator.get("/dashboard/placements/" + world.slug() + "/" + file);
			assertThat(dashboard.status()).isEqualTo(200);
			assertThat(dashboard.bytes()).as(file).isEqualTo(admin.bytes());
			for (String header : List.of("Content-Type", "Cache-Control", "Content-Disposition")) {
				assertThat(dashboard.header(header)).as(file + " " + header).isEqualTo(admin.header(header));
			}
			Http.Answer download = operator.get("/dashboard/placements/" + world.slug() + "/" + file + "?download=1");
			assertThat(download.header("Content-Disposition")).startsWith("attachment;");
		}
	}

	@Test
	void everyPageRendersForALoggedInOperatorWithScriptsFromThisServerOnly() {
		Fixtures.World world = this.fixtures.world(3);
		Operator operator = Operator.loggedIn(this.http);
		List<String> paths = new ArrayList<>(pages(world));
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			paths.addAll(webhookPages(world, receiver));
		}

		for (String path : paths) {
			Http.Answer page = operator.get(path);
			assertThat(page.status()).as(path + " " + page).isEqualTo(200);
			assertThat(page.header("Content-Type")).as(path).startsWith("text/html");
			assertThat(page.header("Cache-Control")).as(path).isEqualTo("no-store");
			assertThat(page.header("Content-Security-Policy")).as(path)
				.contains("script-src 'self'")
				.contains("default-src 'none'")
				.contains("frame-ancestors 'none'")
				.doesNotContain("unsafe");
			assertThat(page.body()).as(path).contains("<main").contains("Log out").doesNotContain(" style=\"");
			Matcher scripts = SCRIPT_TAG.matcher(page.body());
			while (scripts.find()) {
				assertThat(scripts.group()).as(path + ": no inline script").contains(" src=\"/");
			}
		}
	}

	@Test
	void everyPageSendsAnonymousVisitorsToTheLoginPage() {
		Fixtures.World world = this.fixtures.world(1);
		List<String> paths = new ArrayList<>(pages(world));
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			paths.addAll(webhookPages(world, receiver));
		}
		paths.add("/dashboard/placements/" + world.slug() + "/qr.png");
		paths.add("/dashboard/campaigns/" + world.campaignId() + "/sessions.csv");

		for (String path : paths) {
			Http.Answer page = this.http.get(path).send();
			assertThat(page.status()).as(path).isEqualTo(302);
			assertThat(page.header("Location")).as(path).startsWith("/dashboard/login");
			assertThat(page.body()).as(path).isEmpty();
		}
		Http.Answer data = this.http.get("/dashboard/api/campaigns/" + world.campaignId() + "/data").send();
		assertThat(data.status()).isEqualTo(401);
		assertThat(data.header("Content-Type")).startsWith("application/json");
		Http.Answer form = this.http.post("/dashboard/screens")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.body("name=Sneaky")
			.send();
		assertThat(form.status()).isEqualTo(303);
		assertThat(form.header("Location")).isEqualTo("/dashboard/login");
	}

	@Test
	void namesWithHtmlAndScriptRenderAsText() {
		Operator operator = Operator.loggedIn(this.http);
		long partner = this.fixtures.partner(HOSTILE);
		long screen = this.http.post("/admin/api/screens")
			.admin()
			.json(Http.JSON.createObjectNode().put("name", HOSTILE).put("location", HOSTILE).toString())
			.send()
			.json()
			.get("id")
			.asLong();
		long campaign = this.fixtures
			.campaign(Http.JSON.createObjectNode()
				.put("partner_id", partner)
				.put("name", HOSTILE)
				.put("form_url", "https://example.com/form?a=1&b='x'")
				.put("coupon_quota", 1)
				.toString())
			.get("id")
			.asLong();
		String slug = this.fixtures.placement(campaign, screen);

		for (String path : List.of("/dashboard", "/dashboard/campaigns/" + campaign, "/dashboard/partners",
				"/dashboard/screens", "/dashboard/campaigns/new", "/dashboard/placements/" + slug + "/print",
				"/dashboard/partners/" + partner + "/webhooks")) {
			String body = operator.get(path).body();
			assertThat(body).as(path)
				.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;")
				.doesNotContain("<script>alert")
				.doesNotContain("<img src=x");
		}
		assertThat(operator.get("/dashboard/campaigns/" + campaign).body())
			.contains("href=\"https://example.com/form?a=1&amp;b=&#39;x&#39;\"");
		JsonNode data = operator.get("/dashboard/api/campaigns/" + campaign + "/data").json();
		assertThat(data.get("campaign").get("name").asString()).isEqualTo(HOSTILE);
	}

	@Test
	void formsCreateAPartnerAScreenAFlowACampaignAndAPlacement() {
		Operator operator = Operator.loggedIn(this.http);
		String suffix = UUID.randomUUID().toString().substring(0, 8);

		Http.Answer partner = operator.submit("/dashboard/partners", Map.of("name", "Form partner " + suffix));
		assertThat(partner.status()).isEqualTo(302);
		long partnerId = Long.parseLong(partner.header("Location").replaceAll(".*created=(\\d+).*", "$1"));
		Http.Answer screen = operator.submit("/dashboard/screens",
				Map.of("name", "Form screen " + suffix, "location", "Floor 2"));
		assertThat(screen.status()).isEqualTo(302);
		long screenId = Long.parseLong(screen.header("Location").replaceAll(".*created=(\\d+).*", "$1"));
		Http.Answer flow = operator.submit("/dashboard/flows", Map.of("name", "QUIZ_" + suffix.toUpperCase(), "steps",
				"quiz started\nquiz done", "failure_steps", "quiz failed"));
		assertThat(flow.status()).as(flow.toString()).isEqualTo(302);

		Http.Answer campaign = operator.submit("/dashboard/campaigns",
				Map.of("partnerId", Long.toString(partnerId), "name", "Form campaign " + suffix, "formUrl",
						"https://partner.example.com/quiz", "flow", "QUIZ_" + suffix.toUpperCase(), "coupons",
						"generate", "couponQuota", "25", "couponValidDays", "7", "sessionTtlMinutes", "60", "startsAt",
						"2026-01-01T09:00", "timeZone", "Asia/Bangkok"));
		assertThat(campaign.status()).as(campaign.toString()).isEqualTo(302);
		long campaignId = Long.parseLong(campaign.header("Location").replaceAll(".*/campaigns/(\\d+).*", "$1"));
		JsonNode created = this.http.get("/admin/api/campaigns/" + campaignId).admin().send().json();
		assertThat(created.get("flow").asString()).isEqualTo("QUIZ_" + suffix.toUpperCase());
		assertThat(created.get("coupons").get("total").asLong()).isEqualTo(25);
		assertThat(created.get("coupon_valid_days").asInt()).isEqualTo(7);
		assertThat(created.get("session_ttl_minutes").asInt()).isEqualTo(60);
		assertThat(created.get("starts_at").asString()).isEqualTo("2026-01-01T02:00:00Z");

		Http.Answer placement = operator.submit("/dashboard/campaigns/" + campaignId + "/placements",
				Map.of("screen_id", Long.toString(screenId)));
		assertThat(placement.status()).isEqualTo(302);
		String slug = placement.header("Location").replaceAll(".*#placement-", "");
		assertThat(this.fixtures.scan(slug)).hasSize(36);

		Http.Answer page = operator.get("/dashboard/campaigns/" + campaignId);
		assertThat(page.body()).contains("Form screen " + suffix).contains("/s/" + slug);
		Http.Answer again = operator.submit("/dashboard/campaigns/" + campaignId + "/placements",
				Map.of("screen_id", Long.toString(screenId)));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.body()).contains("already shows campaign");
	}

	@Test
	void aFormWithAMistakeIsShownAgainWithTheSentenceAndTheValues() {
		Operator operator = Operator.loggedIn(this.http);
		long partner = this.fixtures.partner("Mistakes");

		Http.Answer answer = operator.submit("/dashboard/campaigns", Map.of("partnerId", Long.toString(partner), "name",
				"Keep this name", "formUrl", "javascript:alert(1)", "coupons", "generate", "couponQuota", "5"));

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body()).contains("form_url must be an absolute http or https URL")
			.contains("value=\"Keep this name\"");
		Http.Answer badNumber = operator.submit("/dashboard/campaigns", Map.of("partnerId", Long.toString(partner),
				"name", "N", "formUrl", "https://example.com", "coupons", "generate", "couponQuota", "lots"));
		assertThat(badNumber.status()).isEqualTo(400);
		assertThat(badNumber.body()).contains("Number of coupons must be a whole number");
		Http.Answer blank = operator.submit("/dashboard/screens", Map.of("name", " "));
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.body()).contains("name is required");
	}

	@Test
	void anApiKeyIsShownOnceWorksAndStopsWhenRevoked() {
		Operator operator = Operator.loggedIn(this.http);
		Fixtures.World world = this.fixtures.world(1);

		Http.Answer created = operator.submit("/dashboard/partners/" + world.partnerId() + "/api-keys", Map.of());
		assertThat(created.status()).isEqualTo(200);
		Matcher key = Pattern.compile("id=\"new-api-key\">(se_[A-Za-z0-9_-]+)<").matcher(created.body());
		assertThat(key.find()).as(created.body()).isTrue();
		String apiKey = key.group(1);
		String session = this.fixtures.scan(world.slug());
		assertThat(this.fixtures.updateStatus(apiKey, session, "FORM_SUBMITTED").status()).isEqualTo(200);
		assertThat(operator.get("/dashboard/partners").body()).doesNotContain(apiKey)
			.contains(apiKey.substring(0, 10) + "…");

		JsonNode keys = this.http.get("/admin/api/partners/" + world.partnerId() + "/api-keys").admin().send().json();
		long keyId = keys.valueStream()
			.filter((k) -> apiKey.startsWith(k.get("key_prefix").asString()))
			.findFirst()
			.orElseThrow()
			.get("id")
			.asLong();
		Http.Answer revoked = operator.submit("/dashboard/api-keys/" + keyId + "/revoke", Map.of());
		assertThat(revoked.status()).isEqualTo(302);
		assertThat(operator.get(revoked.header("Location").replace(this.http.base(), "")).body())
			.contains("API key " + keyId + " is revoked");
		assertThat(this.fixtures.updateStatus(apiKey, session, "FORM_REVIEWING").status()).isEqualTo(401);
	}

	@Test
	void pauseAndResumeStopAndRestartScans() {
		Operator operator = Operator.loggedIn(this.http);
		Fixtures.World world = this.fixtures.world(1);

		assertThat(operator.submit("/dashboard/campaigns/" + world.campaignId() + "/pause", Map.of()).status())
			.isEqualTo(302);
		assertThat(this.http.get("/s/" + world.slug()).send().status()).isEqualTo(503);
		assertThat(operator.get("/dashboard/campaigns/" + world.campaignId()).body()).contains("badge-paused")
			.contains(">Resume<");

		assertThat(operator.submit("/dashboard/campaigns/" + world.campaignId() + "/resume", Map.of()).status())
			.isEqualTo(302);
		assertThat(this.http.get("/s/" + world.slug()).send().status()).isEqualTo(302);
	}

	@Test
	void theDataRouteAnswersTheNumbersThePageDraws() {
		Operator operator = Operator.loggedIn(this.http);
		Fixtures.World world = this.fixtures.world(5);
		this.fixtures.scan(world.slug());
		String approved = this.fixtures.approvedSession(world);
		assertThat(this.fixtures.engage(world.apiKey(), approved).status()).isEqualTo(200);

		Http.Answer answer = operator.get("/dashboard/api/campaigns/" + world.campaignId() + "/data?interval=hour");

		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		JsonNode data = answer.json();
		assertThat(data.get("reward_step").asString()).isEqualTo("FORM_APPROVED");
		assertThat(data.get("funnel").get("steps").get(0).get("sessions").asLong()).isEqualTo(2);
		assertThat(data.get("funnel").get("steps").get(3).get("step").asString()).isEqualTo("FORM_APPROVED");
		assertThat(data.get("funnel").get("steps").get(3).get("sessions").asLong()).isEqualTo(1);
		assertThat(data.get("breakdown").get("rows").get(0).get("screen_id").asLong()).isEqualTo(world.screenId());
		assertThat(data.get("series").get("interval").asString()).isEqualTo("hour");
		assertThat(data.get("coupons").get("issued").asLong()).isEqualTo(1);
		assertThat(data.get("coupons").get("left").asLong()).isEqualTo(4);

		Http.Answer bad = operator.get("/dashboard/api/campaigns/" + world.campaignId() + "/data?tz=Mars/Base");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("error_msg").asString()).contains("tz must be an IANA time zone");
	}

	@Test
	void qrCodesAndCsvExportsDownload() {
		Operator operator = Operator.loggedIn(this.http);
		Fixtures.World world = this.fixtures.world(2);
		String session = this.fixtures.approvedSession(world);

		Http.Answer png = operator.get("/dashboard/placements/" + world.slug() + "/qr.png?download=1");
		assertThat(png.status()).isEqualTo(200);
		assertThat(png.header("Content-Type")).isEqualTo("image/png");
		assertThat(png.header("Content-Disposition")).isEqualTo("attachment; filename=\"qr-" + world.slug() + ".png\"");
		assertThat(png.bytes()).startsWith(0x89, 'P', 'N', 'G');
		Http.Answer svg = operator.get("/dashboard/placements/" + world.slug() + "/qr.svg");
		assertThat(svg.header("Content-Type")).startsWith("image/svg+xml");
		assertThat(svg.header("Content-Disposition")).startsWith("inline");
		assertThat(operator.get("/dashboard/placements/nope/qr.png").status()).isEqualTo(404);

		Http.Answer sessions = operator.get("/dashboard/campaigns/" + world.campaignId() + "/sessions.csv");
		assertThat(sessions.status()).isEqualTo(200);
		assertThat(sessions.header("Content-Type")).startsWith("text/csv");
		assertThat(sessions.body().lines().toList()).hasSize(2)
			.first()
			.asString()
			.startsWith("session_id,screen_id,screen_name,scanned_at");
		assertThat(sessions.body()).contains(session);
		Http.Answer funnel = operator.get("/dashboard/campaigns/" + world.campaignId() + "/funnel.csv");
		assertThat(funnel.body().lines().filter((l) -> l.startsWith("SCANNED,"))).singleElement()
			.asString()
			.contains(",1,");
		Http.Answer breakdown = operator.get("/dashboard/campaigns/" + world.campaignId() + "/breakdown.csv");
		assertThat(breakdown.body().lines().toList()).hasSize(2);
	}

	@Test
	void unknownThingsGetTheOperatorsErrorPage() {
		Operator operator = Operator.loggedIn(this.http);

		for (String path : List.of("/dashboard/campaigns/987654321", "/dashboard/no-such-page",
				"/dashboard/placements/nope/print")) {
			Http.Answer page = operator.get(path);
			assertThat(page.status()).as(path).isEqualTo(404);
			assertThat(page.header("Content-Type")).startsWith("text/html");
			assertThat(page.body()).as(path).contains("Page not found").contains("Back to campaigns");
		}
		Http.Answer json = operator.get("/dashboard/api/campaigns/987654321/data");
		assertThat(json.status()).isEqualTo(404);
		assertThat(json.json().get("error_msg").asString()).isEqualTo("No campaign with id 987654321");
	}

	/**
	 * The webhook pages of the world's partner: its endpoints, one's delivery log, a
	 * delivery.
	 */
	private List<String> webhookPages(Fixtures.World world, WebhookReceiver receiver) {
		long endpoint = this.fixtures.webhookEndpoint(world.partnerId(), receiver.url("/pages")).get("id").asLong();
		Http.Answer test = this.http.post("/admin/api/webhook-endpoints/" + endpoint + "/test").admin().send();
		assertThat(test.status()).as(test.toString()).isEqualTo(202);
		return List.of("/dashboard/partners/" + world.partnerId() + "/webhooks",
				"/dashboard/webhook-endpoints/" + endpoint + "/deliveries",
				"/dashboard/webhook-deliveries/" + test.json().get("id").asLong());
	}

	private static List<String> pages(Fixtures.World world) {
		return List.of("/dashboard", "/dashboard/campaigns/new", "/dashboard/campaigns/" + world.campaignId(),
				"/dashboard/partners", "/dashboard/screens", "/dashboard/flows",
				"/dashboard/placements/" + world.slug() + "/print");
	}

}
