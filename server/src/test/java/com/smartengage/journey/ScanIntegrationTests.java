package com.smartengage.journey;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.ServerTests;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /s/<slug>}: who gets a session and a redirect, and who gets a page. */
@IntegrationTest
class ScanIntegrationTests extends ServerTests {

	private static final String PHONE = "Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 "
			+ "(KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

	/** A random (version 4) UUID, as a regular expression. */
	private static final String SESSION_ID = "session_id=([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}"
			+ "-[0-9a-f]{12})";

	@Autowired
	JdbcClient jdbc;

	long partner;

	@BeforeEach
	void setUp() {
		this.partner = this.fixtures.partner("Scans " + UUID.randomUUID());
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			https://partner.example.com/form                | https://partner.example.com/form?{sid}
			https://partner.example.com/form?lang=th&ref=qr | https://partner.example.com/form?lang=th&ref=qr&{sid}
			https://partner.example.com/form#top            | https://partner.example.com/form?{sid}#top
			https://partner.example.com/form?lang=th#top    | https://partner.example.com/form?lang=th&{sid}#top
			https://partner.example.com/form?               | https://partner.example.com/form?{sid}
			https://partner.example.com/form?#top           | https://partner.example.com/form?{sid}#top
			https://partner.example.com/f?q=a%20b&x=%26#/s?y | https://partner.example.com/f?q=a%20b&x=%26&{sid}#/s?y
			http://partner.example.com:8080                 | http://partner.example.com:8080?{sid}
			""")
	void redirectsToTheFormKeepingItsQueryAndFragment(String formUrl, String expected) {
		Setup setup = setUp(campaignBody(formUrl, ""));
		Http.Answer scan = scan(setup.slug(), PHONE);
		assertThat(scan.status()).as(scan.toString()).isEqualTo(302);
		assertThat(scan.header("Cache-Control")).isEqualTo("no-store");
		assertThat(scan.header("Referrer-Policy")).isEqualTo("no-referrer");
		String location = scan.header("Location");
		assertThat(location).matches(Pattern.quote(expected).replace("{sid}", "\\E" + SESSION_ID + "\\Q"));
		String session = location.replaceAll(".*session_id=([0-9a-f-]{36}).*", "$1");
		assertThat(UUID.fromString(session).version()).isEqualTo(4);
		assertThat(sessionIds(setup.campaign())).containsExactly(session);
	}

	@Test
	void givesEveryScanItsOwnSession() {
		Setup setup = setUp(campaignBody(Fixtures.FORM_URL, ""));
		String first = sessionOf(scan(setup.slug(), PHONE));
		String second = sessionOf(scan(setup.slug(), PHONE));
		assertThat(first).isNotEqualTo(second);
		assertThat(sessionIds(setup.campaign())).containsExactlyInAnyOrder(first, second);
	}

	@Test
	void recordsAScannedEventWithThePlacementsScreen() {
		Setup setup = setUp(campaignBody(Fixtures.FORM_URL, ""));
		String session = sessionOf(scan(setup.slug(), PHONE));

		Map<String, Object> row = this.jdbc
			.sql("SELECT partner_id, campaign_id, placement_id, screen_id, status, step_index, ended "
					+ "FROM journey_session WHERE id = :id")
			.param("id", UUID.fromString(session))
			.query()
			.singleRow();
		assertThat(((Number) row.get("partner_id")).longValue()).isEqualTo(this.partner);
		assertThat(((Number) row.get("campaign_id")).longValue()).isEqualTo(setup.campaign());
		assertThat(((Number) row.get("placement_id")).longValue()).isEqualTo(setup.placement());
		assertThat(((Number) row.get("screen_id")).longValue()).isEqualTo(setup.screen());
		assertThat(row.get("status")).isEqualTo("SCANNED");
		assertThat(((Number) row.get("step_index")).intValue()).isZero();
		assertThat(row.get("ended")).isEqualTo(Boolean.FALSE);

		List<Map<String, Object>> events = this.jdbc
			.sql("SELECT step, campaign_id, screen_id, seconds_from_scan FROM journey_event WHERE session_id = :id")
			.param("id", UUID.fromString(session))
			.query()
			.listOfRows();
		assertThat(events).hasSize(1);
		assertThat(events.get(0).get("step")).isEqualTo("SCANNED");
		assertThat(((Number) events.get(0).get("screen_id")).longValue()).isEqualTo(setup.screen());
		assertThat(((Number) events.get(0).get("campaign_id")).longValue()).isEqualTo(setup.campaign());
		assertThat(((Number) events.get(0).get("seconds_from_scan")).longValue()).isZero();

		String key = this.fixtures.apiKey(this.partner).key();
		JsonNode view = this.http.get("/smart-engage/get/session/" + session).apiKey(key).send().json();
		assertThat(view.get("screen_id").asLong()).isEqualTo(setup.screen());
		assertThat(view.get("status").asString()).isEqualTo("SCANNED");
	}

	@Test
	void attributesScansOfOneCampaignToTheScreenScanned() {
		Setup setup = setUp(campaignBody(Fixtures.FORM_URL, ""));
		long otherScreen = this.fixtures.screen("Second screen " + UUID.randomUUID());
		String otherSlug = this.fixtures.placement(setup.campaign(), otherScreen);
		String onFirst = sessionOf(scan(setup.slug(), PHONE));
		String onSecond = sessionOf(scan(otherSlug, PHONE));
		assertThat(screenOfEvent(onFirst)).isEqualTo(setup.screen());
		assertThat(screenOfEvent(onSecond)).isEqualTo(otherScreen);
	}

	@Test
	void showsAPageAndStartsNoSessionWhilePaused() {
		Setup setup = setUp(campaignBody(Fixtures.FORM_URL, ""));
		assertThat(this.http.post("/admin/api/campaigns/" + setup.campaign() + "/pause").admin().send().status())
			.isEqualTo(200);
		Http.Answer scan = scan(setup.slug(), PHONE);
		assertHtmlPage(scan, 503, "Taking a short break");
		assertThat(scan.header("Retry-After")).isNotBlank();
		assertThat(scan.header("Location")).isNull();
		assertThat(sessions(setup.campaign())).isZero();
	}

	@Test
	void showsAPageAndStartsNoSessionBeforeTheStart() {
		Setup setup = setUp(campaignBody(Fixtures.FORM_URL, ", \"starts_at\": \"2099-01-01T00:00:00Z\""));
		Http.Answer scan = scan(setup.slug(), PHONE);
		assertHtmlPage(scan, 503, "Coming soon");
		assertThat(Long.parseLong(scan.header("Retry-After"))).isBetween(1L, 86_400L);
		assertThat(sessions(setup.campaign())).isZero();
	}

	@Test
	void showsAPageAndStartsNoSessionAfterTheEnd() {
		Setup setup = setUp(campaignBody(Fixtures.FORM_URL,
				", \"starts_at\": \"2020-01-01T00:00:00Z\", \"ends_at\": \"2020-01-31T00:00:00Z\""));
		Http.Answer scan = scan(setup.slug(), PHONE);
		assertHtmlPage(scan, 410, "This offer has ended");
		assertThat(sessions(setup.campaign())).isZero();
	}

	@Test
	void showsAPageAndStartsNoSessionOnceTheEndIsMovedIntoThePast() {
		// The campaign was never scanned, so no cached copy hides the change made
		// underneath.
		Setup setup = setUp(campaignBody(Fixtures.FORM_URL, ""));
		this.jdbc.sql("UPDATE campaign SET ends_at = :endsAt WHERE id = :id")
			.param("endsAt", OffsetDateTime.parse("2021-06-30T00:00:00Z"))
			.param("id", setup.campaign())
			.update();
		Http.Answer scan = scan(setup.slug(), PHONE);
		assertHtmlPage(scan, 410, "This offer has ended");
		assertThat(sessions(setup.campaign())).isZero();
	}

	@Test
	void answersAnUnknownSlugWithA404Page() {
		for (String slug : List.of("NoSuchQr", "x", "a".repeat(33), "%E0%B8%81")) {
			Http.Answer scan = scan(slug, PHONE);
			assertHtmlPage(scan, 404, "QR code not recognised");
			assertThat(scan.header("Location")).isNull();
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "facebookexternalhit/1.1", "Slackbot-LinkExpanding 1.0", "WhatsApp/2.23", "TelegramBot",
			"Twitterbot/1.0", "Discordbot/2.0", "LinkedInBot/1.0",
			"facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
			"Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)" })
	void showsLinkPreviewBotsAPageWithoutStartingASession(String userAgent) {
		Setup setup = setUp(campaignBody(Fixtures.FORM_URL, ""));
		Http.Answer answer = scan(setup.slug(), userAgent);
		assertHtmlPage(answer, 200, setup.name());
		assertThat(answer.header("Location")).isNull();
		assertThat(answer.body()).doesNotContain("session_id").doesNotContain("partner.example.com");
		assertThat(sessions(setup.campaign())).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM journey_event WHERE campaign_id = :id")
			.param("id", setup.campaign())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void answersHeadRequestsWithoutStartingASession() {
		Setup setup = setUp(campaignBody(Fixtures.FORM_URL, ""));
		Http.Answer head = this.http.call("HEAD", "/s/" + setup.slug()).header("User-Agent", PHONE).send();
		assertThat(head.status()).isEqualTo(200);
		assertThat(head.header("Content-Type")).startsWith("text/html");
		assertThat(head.header("Location")).isNull();
		assertThat(head.body()).isEmpty();
		assertThat(sessions(setup.campaign())).isZero();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { PHONE,
			"Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
					+ "Version/18.0 Mobile/15E148 Safari/604.1",
			"Mozilla/5.0 (Linux; Android 11; CUBOT KINGKONG 5 Pro Build/RP1A.200720.011; wv) AppleWebKit/537.36 "
					+ "(KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.230 Mobile Safari/537.36",
			"Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
					+ "Mobile/15E148 Snapchat/12.62.0.36 (like Safari/8617.1.17.10.5, panda)" })
	void startsASessionForAShoppersPhone(String userAgent) {
		Setup setup = setUp(campaignBody(Fixtures.FORM_URL, ""));
		Http.Answer scan = scan(setup.slug(), userAgent);
		assertThat(scan.status()).as(scan.toString()).isEqualTo(302);
		assertThat(sessionIds(setup.campaign())).containsExactly(sessionOf(scan));
		assertThat(this.jdbc.sql("SELECT step FROM journey_event WHERE campaign_id = :id")
			.param("id", setup.campaign())
			.query(String.class)
			.list()).containsExactly("SCANNED");
	}

	private Setup setUp(String campaignBody) {
		JsonNode campaign = this.fixtures.campaign(campaignBody);
		long campaignId = campaign.get("id").asLong();
		long screen = this.fixtures.screen("Scan screen " + UUID.randomUUID());
		Http.Answer placement = this.http.post("/admin/api/campaigns/" + campaignId + "/placements")
			.admin()
			.json("{\"screen_id\": " + screen + "}")
			.send();
		assertThat(placement.status()).as(placement.toString()).isEqualTo(201);
		return new Setup(campaignId, campaign.get("name").asString(), screen, placement.json().get("id").asLong(),
				placement.json().get("slug").asString());
	}

	private String campaignBody(String formUrl, String extra) {
		return "{\"partner_id\": " + this.partner + ", \"name\": \"Scan me "
				+ UUID.randomUUID().toString().substring(0, 8) + "\", \"form_url\": \"" + formUrl
				+ "\", \"coupon_quota\": 1" + extra + "}";
	}

	private Http.Answer scan(String slug, String userAgent) {
		return this.http.get("/s/" + slug).header("User-Agent", userAgent).send();
	}

	private static String sessionOf(Http.Answer scan) {
		assertThat(scan.status()).as(scan.toString()).isEqualTo(302);
		return scan.header("Location").replaceAll(".*session_id=([0-9a-f-]{36}).*", "$1");
	}

	private static void assertHtmlPage(Http.Answer answer, int status, String title) {
		assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
		assertThat(answer.header("Content-Type")).startsWith("text/html");
		assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
		assertThat(answer.body()).startsWith("<!DOCTYPE html>").contains("<title>" + title + "</title>");
		assertThat(answer.body()).doesNotContain("Whitelabel");
	}

	private long sessions(long campaign) {
		return this.jdbc.sql("SELECT COUNT(*) FROM journey_session WHERE campaign_id = :id")
			.param("id", campaign)
			.query(Long.class)
			.single();
	}

	private List<String> sessionIds(long campaign) {
		return this.jdbc.sql("SELECT id FROM journey_session WHERE campaign_id = :id")
			.param("id", campaign)
			.query((rs, i) -> rs.getObject("id", UUID.class).toString())
			.list();
	}

	private long screenOfEvent(String session) {
		return this.jdbc.sql("SELECT screen_id FROM journey_event WHERE session_id = :id AND step = 'SCANNED'")
			.param("id", UUID.fromString(session))
			.query(Long.class)
			.single();
	}

	record Setup(long campaign, String name, long screen, long placement, String slug) {
	}

}
