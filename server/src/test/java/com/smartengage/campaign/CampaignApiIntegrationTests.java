package com.smartengage.campaign;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.ServerTests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The admin API for campaigns, coupon pools, placements and flows, over real HTTP. */
@IntegrationTest
class CampaignApiIntegrationTests extends ServerTests {

	private static final String FORM = "https://partner.example.com/form";

	private static final String NOT_HTTP = "form_url must be an absolute http or https URL, not ";

	@Autowired
	JdbcClient jdbc;

	long partner;

	@BeforeEach
	void setUp() {
		this.partner = this.fixtures.partner("Campaigns " + UUID.randomUUID());
	}

	@Test
	void createsACampaignWithDefaultsAndAGeneratedPool() {
		Http.Answer answer = createCampaign("{\"partner_id\": " + this.partner
				+ ", \"name\": \"Free coffee\", \"form_url\": \"" + FORM + "\", \"coupon_quota\": 50}");
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		JsonNode campaign = answer.json();
		long id = campaign.get("id").asLong();
		assertThat(id).isPositive();
		assertThat(campaign.get("partner_id").asLong()).isEqualTo(this.partner);
		assertThat(campaign.get("name").asString()).isEqualTo("Free coffee");
		assertThat(campaign.get("form_url").asString()).isEqualTo(FORM);
		assertThat(campaign.get("flow").asString()).isEqualTo("FILL_FORM");
		assertThat(campaign.get("session_ttl_minutes").asInt()).isEqualTo(1440);
		assertThat(campaign.get("coupon_valid_days").asInt()).isEqualTo(30);
		assertThat(campaign.get("paused").asBoolean()).isFalse();
		assertThat(campaign.get("state").asString()).isEqualTo("running");
		assertThat(campaign.get("starts_at").isNull()).isTrue();
		assertThat(campaign.get("ends_at").isNull()).isTrue();
		assertThat(campaign.get("created_at").asString()).isNotBlank();
		assertPool(campaign, 50, 0);

		List<String> codes = codes(id);
		assertThat(codes).hasSize(50).doesNotHaveDuplicates();
		assertThat(codes).allMatch((code) -> code.matches("[2-9A-HJKMNP-Z]{10}"), "10 characters, no 0/O/1/I/L");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM coupon WHERE campaign_id = :id AND session_id IS NULL")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(50);
	}

	@Test
	void createsACampaignWithAnEmptyPoolWhenNoQuotaIsGiven() {
		JsonNode campaign = this.fixtures
			.campaign("{\"partner_id\": " + this.partner + ", \"name\": \"No pool\", \"form_url\": \"" + FORM + "\"}");
		assertPool(campaign, 0, 0);
		assertThat(codes(campaign.get("id").asLong())).isEmpty();
	}

	@Test
	void createsACampaignWithEverySettingGiven() {
		JsonNode campaign = this.fixtures.campaign("{\"partner_id\": " + this.partner
				+ ", \"name\": \"  Spaced  \", \"form_url\": \"http://partner.example.com:8080/f?x=1#y\","
				+ " \"flow\": \"FILL_FORM\", \"coupon_quota\": 3, \"coupon_valid_days\": 7,"
				+ " \"session_ttl_minutes\": 90, \"starts_at\": \"2020-01-01T09:00:00+07:00\","
				+ " \"ends_at\": \"2099-12-31T23:59:59Z\"}");
		assertThat(campaign.get("name").asString()).isEqualTo("Spaced");
		assertThat(campaign.get("form_url").asString()).isEqualTo("http://partner.example.com:8080/f?x=1#y");
		assertThat(campaign.get("coupon_valid_days").asInt()).isEqualTo(7);
		assertThat(campaign.get("session_ttl_minutes").asInt()).isEqualTo(90);
		assertThat(campaign.get("starts_at").asString()).isEqualTo("2020-01-01T02:00:00Z");
		assertThat(campaign.get("ends_at").asString()).isEqualTo("2099-12-31T23:59:59Z");
		assertThat(campaign.get("state").asString()).isEqualTo("running");
		assertPool(campaign, 3, 0);
	}

	@Test
	void showsTheScheduleAsTheCampaignsState() {
		assertThat(this.fixtures.campaign(body("\"starts_at\": \"2099-01-01T00:00:00Z\"")).get("state").asString())
			.isEqualTo("scheduled");
		assertThat(this.fixtures
			.campaign(body("\"starts_at\": \"2020-01-01T00:00:00Z\", \"ends_at\": \"2020-01-02T00:00:00Z\""))
			.get("state")
			.asString()).isEqualTo("ended");
	}

	@Test
	void listsAndGetsCampaigns() {
		long first = this.fixtures.campaign(this.partner, 0);
		long second = this.fixtures.campaign(this.partner, 2);
		long otherPartner = this.fixtures.partner("Other " + UUID.randomUUID());
		long other = this.fixtures.campaign(otherPartner, 0);

		Http.Answer got = this.http.get("/admin/api/campaigns/" + second).admin().send();
		assertThat(got.status()).isEqualTo(200);
		assertThat(got.json().get("id").asLong()).isEqualTo(second);
		assertThat(got.json().get("partner_id").asLong()).isEqualTo(this.partner);
		assertPool(got.json(), 2, 0);

		Http.Answer mine = this.http.get("/admin/api/campaigns?partner_id=" + this.partner).admin().send();
		assertThat(mine.status()).isEqualTo(200);
		assertThat(mine.json().valueStream().map((c) -> c.get("id").asLong())).containsExactly(first, second);

		Http.Answer all = this.http.get("/admin/api/campaigns").admin().send();
		assertThat(all.json().valueStream().map((c) -> c.get("id").asLong())).contains(first, second, other);

		Http.Answer missing = this.http.get("/admin/api/campaigns/987654321").admin().send();
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.errorMsg()).isEqualTo("No campaign with id 987654321");
	}

	static Stream<Arguments> invalidCampaigns() {
		String ok = "\"name\": \"Bad\", \"form_url\": \"" + FORM + "\"";
		return Stream.of(arguments("\"form_url\": \"" + FORM + "\"", "name is required"),
				arguments("\"name\": null, \"form_url\": \"" + FORM + "\"", "name is required"),
				arguments("\"name\": \"   \", \"form_url\": \"" + FORM + "\"", "name is required"),
				arguments("\"name\": \"" + "n".repeat(201) + "\", \"form_url\": \"" + FORM + "\"",
						"name must be at most 200 characters"),
				arguments("\"name\": \"Bad\"", "form_url is required"),
				arguments("\"name\": \"Bad\", \"form_url\": \" \"", "form_url is required"),
				arguments(url("ftp://partner.example.com/form"), NOT_HTTP + "ftp://partner.example.com/form"),
				arguments(url("javascript:alert(1)"), NOT_HTTP + "javascript:alert(1)"),
				arguments(url("JavaScript://partner.example.com/%0Aalert(1)"),
						NOT_HTTP + "JavaScript://partner.example.com/%0Aalert(1)"),
				arguments(url("data:text/html,<script>alert(1)</script>"),
						NOT_HTTP + "data:text/html,<script>alert(1)</script>"),
				arguments(url("mailto:shop@partner.example.com"), NOT_HTTP + "mailto:shop@partner.example.com"),
				arguments(url("/form"), NOT_HTTP + "/form"), arguments(url("form.html"), NOT_HTTP + "form.html"),
				arguments(url("partner.example.com/form"), NOT_HTTP + "partner.example.com/form"),
				arguments(url("//partner.example.com/form"), NOT_HTTP + "//partner.example.com/form"),
				arguments(url("https:///form"), NOT_HTTP + "https:///form"),
				arguments(url("https:form"), NOT_HTTP + "https:form"),
				arguments(url("https://user:secret@partner.example.com/form"),
						"form_url must not carry a user name or password"),
				arguments(url("https://partner.example.com/form\\r\\nSet-Cookie: a=b"),
						"form_url must not contain control characters"),
				arguments(url("https://partner.example.com/fo\\nrm"), "form_url must not contain control characters"),
				arguments(url("https://partner.example.com/fo\\rrm"), "form_url must not contain control characters"),
				arguments(url("https://partner.example.com/my form"), NOT_HTTP + "https://partner.example.com/my form"),
				arguments(url("https://partner example.com/form"), NOT_HTTP + "https://partner example.com/form"),
				arguments(url("https://partner.example.com/form?q=a b"),
						NOT_HTTP + "https://partner.example.com/form?q=a b"),
				arguments(ok + ", \"flow\": \"NO_SUCH_FLOW\"",
						"flow NO_SUCH_FLOW does not exist; create it first or use FILL_FORM"),
				arguments(ok + ", \"starts_at\": \"2030-01-02T00:00:00Z\", \"ends_at\": \"2030-01-01T00:00:00Z\"",
						"ends_at must be after starts_at"),
				arguments(ok + ", \"starts_at\": \"2030-01-01T00:00:00Z\", \"ends_at\": \"2030-01-01T07:00:00+07:00\"",
						"ends_at must be after starts_at"),
				arguments(ok + ", \"starts_at\": \"tomorrow\"",
						"starts_at must be an ISO-8601 date-time with an "
								+ "offset, e.g. 2026-12-01T09:00:00+07:00, not tomorrow"),
				arguments(ok + ", \"ends_at\": \"2030-01-01T00:00:00\"",
						"ends_at must be an ISO-8601 date-time with "
								+ "an offset, e.g. 2026-12-01T09:00:00+07:00, not 2030-01-01T00:00:00"),
				arguments(ok + ", \"session_ttl_minutes\": 0",
						"session_ttl_minutes must be between 1 and 525600, not 0"),
				arguments(ok + ", \"session_ttl_minutes\": 525601",
						"session_ttl_minutes must be between 1 and 525600, not 525601"),
				arguments(ok + ", \"session_ttl_minutes\": -5",
						"session_ttl_minutes must be between 1 and 525600, not -5"),
				arguments(ok + ", \"coupon_valid_days\": 0", "coupon_valid_days must be between 1 and 3650, not 0"),
				arguments(ok + ", \"coupon_valid_days\": 3651",
						"coupon_valid_days must be between 1 and 3650, not 3651"),
				arguments(ok + ", \"coupon_quota\": -1", "coupon_quota must be between 0 and 1000000, not -1"),
				arguments(ok + ", \"coupon_quota\": 1000001",
						"coupon_quota must be between 0 and 1000000, not 1000001"),
				arguments(ok + ", \"coupon_quota\": 2, \"coupon_codes\": [\"A1\"]",
						"Give either coupon_quota or coupon_codes, not both"),
				arguments(ok + ", \"coupon_quota\": 0, \"coupon_codes\": []",
						"Give either coupon_quota or coupon_codes, not both"),
				arguments(ok + ", \"coupon_codes\": [\"A1\", \"  \"]", "Coupon code #2 is empty"),
				arguments(ok + ", \"coupon_codes\": [\"" + "C".repeat(65) + "\"]",
						"Coupon code #1 is longer than 64 characters"),
				arguments(ok + ", \"coupon_codes\": [\"A\\u0007B\"]",
						"Coupon code #1 (A?B) contains control characters"));
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("invalidCampaigns")
	void refusesAnInvalidCampaignWithAClearSentence(String fields, String message) {
		Http.Answer answer = createCampaign("{\"partner_id\": " + this.partner + ", " + fields + "}");
		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.header("Content-Type")).startsWith("application/json");
		assertThat(answer.errorMsg()).isEqualTo(message);
		assertThat(campaignsOfPartner()).as("nothing was created").isEmpty();
	}

	@Test
	void refusesAnUnknownOrMissingPartner() {
		Http.Answer unknown = createCampaign(
				"{\"partner_id\": 987654321, \"name\": \"Orphan\", \"form_url\": \"" + FORM + "\"}");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.errorMsg()).isEqualTo("No partner with id 987654321");

		Http.Answer missing = createCampaign("{\"name\": \"Orphan\", \"form_url\": \"" + FORM + "\"}");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.errorMsg()).isEqualTo("partner_id is required");

		// The request's own fields are checked before the partner is looked up.
		Http.Answer both = createCampaign("{\"partner_id\": 987654321, \"name\": \"Orphan\", \"form_url\": \"" + FORM
				+ "\", \"coupon_quota\": -1}");
		assertThat(both.status()).isEqualTo(400);
		assertThat(both.errorMsg()).isEqualTo("coupon_quota must be between 0 and 1000000, not -1");
	}

	@Test
	void refusesAMissingOrMalformedBody() {
		Http.Answer empty = createCampaign("");
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.errorMsg()).isEqualTo("Request body must be a JSON object with partner_id, name and form_url");

		Http.Answer malformed = createCampaign("{\"partner_id\": " + this.partner + ", \"name\": ");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.errorMsg()).isEqualTo("Request body is not valid JSON of the expected shape");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "\"coupon_quota\": 1.5", "\"coupon_quota\": 2.0", "\"coupon_quota\": true",
			"\"coupon_quota\": 99999999999", "\"coupon_quota\": [3]", "\"coupon_codes\": \"ABC\"",
			"\"coupon_codes\": {\"code\": \"ABC\"}", "\"session_ttl_minutes\": 60.5", "\"coupon_valid_days\": {}",
			"\"name\": [\"Bad\"]", "\"form_url\": {\"href\": \"https://partner.example.com\"}" })
	void refusesFieldsOfTheWrongType(String field) {
		Http.Answer answer = createCampaign("{\"partner_id\": " + this.partner
				+ ", \"name\": \"Typed\", \"form_url\": \"" + FORM + "\", " + field + "}");
		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.errorMsg()).isEqualTo("Request body is not valid JSON of the expected shape");
		assertThat(campaignsOfPartner()).isEmpty();
	}

	@Test
	void refusesAFractionalPartnerIdInsteadOfRoundingIt() {
		Http.Answer answer = createCampaign(
				"{\"partner_id\": " + this.partner + ".7, \"name\": \"Rounded\", " + "\"form_url\": \"" + FORM + "\"}");
		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(campaignsOfPartner()).isEmpty();
	}

	@Test
	void takesCouponCodesGivenAtCreation() {
		JsonNode campaign = this.fixtures
			.campaign(body("\"coupon_codes\": [\" GIVEN-1 \", \"GIVEN-2\", \"GIVEN-1\", \"given-1\", \"ร้าน-3\"]"));
		assertPool(campaign, 4, 0);
		assertThat(codes(campaign.get("id").asLong())).containsExactlyInAnyOrder("GIVEN-1", "GIVEN-2", "given-1",
				"ร้าน-3");
	}

	@Test
	void importsAJsonListReportingDuplicatesWithinTheUploadAndAgainstTheExistingCodes() {
		long campaign = this.fixtures.campaign(body("\"coupon_codes\": [\"OLD-1\", \"OLD-2\"]")).get("id").asLong();

		Http.Answer answer = importCodes(campaign, "application/json",
				"[\"NEW-1\", \"NEW-2\", \"NEW-1\", \" OLD-1 \", \"NEW-3\", \"NEW-2\"]");
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		JsonNode result = answer.json();
		assertThat(result.get("imported").asInt()).isEqualTo(3);
		assertThat(result.get("duplicates").asInt()).isEqualTo(3);
		assertThat(result.get("duplicate_codes").valueStream().map(JsonNode::asString))
			.containsExactlyInAnyOrder("NEW-1", "NEW-2", "OLD-1");
		assertThat(codes(campaign)).containsExactlyInAnyOrder("OLD-1", "OLD-2", "NEW-1", "NEW-2", "NEW-3");
		assertPool(get(campaign), 5, 0);

		Http.Answer again = importCodes(campaign, "application/json", "[\"NEW-1\", \"NEW-2\", \"NEW-3\"]");
		assertThat(again.json().get("imported").asInt()).isZero();
		assertThat(again.json().get("duplicates").asInt()).isEqualTo(3);
	}

	@Test
	void treatsCodesOfTheSamePartnerAsDuplicatesAcrossCampaignsButNotAcrossPartners() {
		long first = this.fixtures.campaign(body("\"coupon_codes\": [\"SHARED-1\"]")).get("id").asLong();
		long second = this.fixtures.campaign(this.partner, 0);
		Http.Answer samePartner = importCodes(second, "application/json", "[\"SHARED-1\", \"OWN-1\"]");
		assertThat(samePartner.json().get("imported").asInt()).isEqualTo(1);
		assertThat(samePartner.json().get("duplicates").asInt()).isEqualTo(1);
		assertThat(codes(first)).containsExactly("SHARED-1");
		assertThat(codes(second)).containsExactly("OWN-1");

		long otherPartner = this.fixtures.partner("Other " + UUID.randomUUID());
		long foreign = this.fixtures.campaign(otherPartner, 0);
		Http.Answer otherPartnerAnswer = importCodes(foreign, "application/json", "[\"SHARED-1\"]");
		assertThat(otherPartnerAnswer.json().get("imported").asInt()).isEqualTo(1);
		assertThat(otherPartnerAnswer.json().get("duplicates").asInt()).isZero();
	}

	@Test
	void importsCsvWithHeaderCrlfBomAndQuotedValues() {
		long campaign = this.fixtures.campaign(body("\"coupon_codes\": [\"OLD-1\"]")).get("id").asLong();
		String csv = "\uFEFFcode\r\n" + "CSV-1\r\n" + "\"CSV-2\"\r\n" + "\"CSV,3\",first with a comma\r\n"
				+ "\"CSV \"\"4\"\"\"\r\n" + "\r\n" + "CSV-1\r\n" + "  CSV-5  ,note\r\n" + "OLD-1\r\n" + "CSV-6";
		Http.Answer answer = importCodes(campaign, "text/csv; charset=utf-8", csv);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.json().get("imported").asInt()).isEqualTo(6);
		assertThat(answer.json().get("duplicates").asInt()).isEqualTo(2);
		assertThat(answer.json().get("duplicate_codes").valueStream().map(JsonNode::asString))
			.containsExactlyInAnyOrder("CSV-1", "OLD-1");
		assertThat(codes(campaign)).containsExactlyInAnyOrder("OLD-1", "CSV-1", "CSV-2", "CSV,3", "CSV \"4\"", "CSV-5",
				"CSV-6");
	}

	@Test
	void importsCsvWithoutHeaderWithBareLineFeedsAndAsPlainText() {
		long campaign = this.fixtures.campaign(this.partner, 0);
		Http.Answer csv = importCodes(campaign, "text/csv", "LF-1\nLF-2\n\"CODE\"\nLF-3\n");
		assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
		assertThat(csv.json().get("imported").asInt()).isEqualTo(4);

		Http.Answer text = importCodes(campaign, "text/plain", "TXT-1\r\nTXT-2\r\n");
		assertThat(text.status()).as(text.toString()).isEqualTo(200);
		assertThat(text.json().get("imported").asInt()).isEqualTo(2);
		assertThat(codes(campaign)).containsExactlyInAnyOrder("LF-1", "LF-2", "CODE", "LF-3", "TXT-1", "TXT-2");
	}

	@Test
	void refusesBadUploadsAndKeepsThePoolUnchanged() {
		long campaign = this.fixtures.campaign(body("\"coupon_codes\": [\"KEEP-1\"]")).get("id").asLong();
		assertUploadRefused(campaign, "application/json", "{\"codes\": [\"A\"]}", 400,
				"Request body must be a JSON list of coupon codes");
		assertUploadRefused(campaign, "application/json", "[\"A\", 2]", 400, "Coupon code #2 must be a string");
		assertUploadRefused(campaign, "application/json", "[\"A\", null]", 400, "Coupon code #2 must be a string");
		assertUploadRefused(campaign, "application/json", "[\"A\",", 400, "Request body is not valid JSON");
		assertUploadRefused(campaign, "application/json", "[\"A\", \"\"]", 400, "Coupon code #2 is empty");
		assertUploadRefused(campaign, "text/csv", "GOOD-1\r\n\"BROKEN\r\nGOOD-2\r\n", 400,
				"Line 2 of the CSV opens a quote that it does not close");
		assertUploadRefused(campaign, "text/csv", "OK-1\r\n" + "X".repeat(65) + "\r\n", 400,
				"Coupon code #2 is longer than 64 characters");
		assertUploadRefused(campaign, "application/xml", "<codes/>", 415, null);
		assertThat(codes(campaign)).containsExactly("KEEP-1");

		Http.Answer unknown = importCodes(987654321L, "application/json", "[\"A\"]");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.errorMsg()).isEqualTo("No campaign with id 987654321");
	}

	@Test
	void createsPlacementsWithTheUrlsToPrint() {
		long campaign = this.fixtures.campaign(this.partner, 1);
		long screen = this.fixtures.screen("Lobby " + UUID.randomUUID());
		Http.Answer answer = createPlacement(campaign, "{\"screen_id\": " + screen + "}");
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		JsonNode placement = answer.json();
		String slug = placement.get("slug").asString();
		assertThat(slug).matches("[A-Za-z2-9]{8}");
		assertThat(placement.get("campaign_id").asLong()).isEqualTo(campaign);
		assertThat(placement.get("screen_id").asLong()).isEqualTo(screen);
		assertThat(placement.get("scan_url").asString()).isEqualTo(this.http.base() + "/s/" + slug);
		assertThat(placement.get("qr_png_url").asString())
			.isEqualTo(this.http.base() + "/admin/api/placements/" + slug + "/qr.png");
		assertThat(placement.get("qr_svg_url").asString())
			.isEqualTo(this.http.base() + "/admin/api/placements/" + slug + "/qr.svg");

		long otherCampaign = this.fixtures.campaign(this.partner, 0);
		String otherSlug = this.fixtures.placement(otherCampaign, screen);
		assertThat(otherSlug).as("another campaign on the same screen").isNotEqualTo(slug);

		Http.Answer list = this.http.get("/admin/api/campaigns/" + campaign + "/placements").admin().send();
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().valueStream().map((p) -> p.get("slug").asString())).containsExactly(slug);
	}

	@Test
	void refusesPlacementsOnUnknownScreensOrCampaignsOrTwice() {
		long campaign = this.fixtures.campaign(this.partner, 0);
		long screen = this.fixtures.screen("Door " + UUID.randomUUID());

		Http.Answer unknownScreen = createPlacement(campaign, "{\"screen_id\": 987654321}");
		assertThat(unknownScreen.status()).isEqualTo(400);
		assertThat(unknownScreen.errorMsg()).isEqualTo("No screen with id 987654321");

		Http.Answer unknownCampaign = createPlacement(987654321L, "{\"screen_id\": " + screen + "}");
		assertThat(unknownCampaign.status()).isEqualTo(404);
		assertThat(unknownCampaign.errorMsg()).isEqualTo("No campaign with id 987654321");

		Http.Answer noScreen = createPlacement(campaign, "{}");
		assertThat(noScreen.status()).isEqualTo(400);
		assertThat(noScreen.errorMsg()).isEqualTo("screen_id is required");

		Http.Answer noBody = createPlacement(campaign, "");
		assertThat(noBody.status()).isEqualTo(400);
		assertThat(noBody.errorMsg()).isEqualTo("Request body must be a JSON object with a screen_id");

		String slug = this.fixtures.placement(campaign, screen);
		Http.Answer twice = createPlacement(campaign, "{\"screen_id\": " + screen + "}");
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.errorMsg())
			.isEqualTo("Screen " + screen + " already shows campaign " + campaign + " through placement " + slug);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM placement WHERE campaign_id = :id")
			.param("id", campaign)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void pausesAndResumesACampaign() {
		Fixtures.World world = this.fixtures.world(1);
		String pausePath = "/admin/api/campaigns/" + world.campaignId() + "/pause";

		Http.Answer paused = this.http.post(pausePath).admin().send();
		assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
		assertThat(paused.json().get("paused").asBoolean()).isTrue();
		assertThat(paused.json().get("state").asString()).isEqualTo("paused");
		assertThat(get(world.campaignId()).get("state").asString()).isEqualTo("paused");
		assertThat(this.http.post(pausePath).admin().send().status()).as("pausing twice").isEqualTo(200);

		Http.Answer scan = scan(world.slug());
		assertThat(scan.status()).isEqualTo(503);
		assertThat(scan.header("Content-Type")).startsWith("text/html");
		assertThat(sessions(world.campaignId())).isZero();

		Http.Answer resumed = this.http.post("/admin/api/campaigns/" + world.campaignId() + "/resume").admin().send();
		assertThat(resumed.status()).isEqualTo(200);
		assertThat(resumed.json().get("paused").asBoolean()).isFalse();
		assertThat(resumed.json().get("state").asString()).isEqualTo("running");
		assertThat(scan(world.slug()).status()).isEqualTo(302);
		assertThat(sessions(world.campaignId())).isEqualTo(1);

		for (String action : List.of("pause", "resume")) {
			Http.Answer unknown = this.http.post("/admin/api/campaigns/987654321/" + action).admin().send();
			assertThat(unknown.status()).isEqualTo(404);
			assertThat(unknown.errorMsg()).isEqualTo("No campaign with id 987654321");
		}
	}

	@Test
	void listsTheBuiltInFlow() {
		Http.Answer answer = this.http.get("/admin/api/flows/FILL_FORM").admin().send();
		assertThat(answer.status()).isEqualTo(200);
		JsonNode flow = answer.json();
		assertThat(flow.get("steps").valueStream().map(JsonNode::asString)).containsExactly("FORM_SUBMITTED",
				"FORM_REVIEWING", "FORM_APPROVED");
		assertThat(flow.get("failure_steps").valueStream().map(JsonNode::asString)).containsExactly("FORM_REJECTED");
		assertThat(flow.get("reward_step").asString()).isEqualTo("FORM_APPROVED");
		assertThat(flow.get("built_in").asBoolean()).isTrue();

		Http.Answer list = this.http.get("/admin/api/flows").admin().send();
		assertThat(list.json().valueStream().map((f) -> f.get("name").asString())).contains("FILL_FORM");

		Http.Answer missing = this.http.get("/admin/api/flows/NO_SUCH_FLOW").admin().send();
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.errorMsg()).isEqualTo("No flow named NO_SUCH_FLOW");
	}

	@Test
	void createsACustomFlowOnceByName() {
		String name = flowName("SIGN_UP");
		Http.Answer created = createFlow("{\"name\": \"" + name + "\", \"steps\": [\"REGISTERED\", \"VERIFIED\","
				+ " \"PROFILE_DONE\"], \"failure_steps\": [\"REJECTED\"], \"reward_step\": \"VERIFIED\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode flow = created.json();
		assertThat(flow.get("id").asLong()).isPositive();
		assertThat(flow.get("name").asString()).isEqualTo(name);
		assertThat(flow.get("steps").valueStream().map(JsonNode::asString)).containsExactly("REGISTERED", "VERIFIED",
				"PROFILE_DONE");
		assertThat(flow.get("failure_steps").valueStream().map(JsonNode::asString)).containsExactly("REJECTED");
		assertThat(flow.get("reward_step").asString()).isEqualTo("VERIFIED");
		assertThat(flow.get("built_in").asBoolean()).isFalse();

		Http.Answer got = this.http.get("/admin/api/flows/" + name).admin().send();
		assertThat(got.status()).isEqualTo(200);
		assertThat(got.json()).isEqualTo(flow);

		Http.Answer twice = createFlow("{\"name\": \"" + name + "\", \"steps\": [\"OTHER\"]}");
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.errorMsg()).isEqualTo("A flow named " + name + " already exists");

		Http.Answer builtIn = createFlow("{\"name\": \"FILL_FORM\", \"steps\": [\"OTHER\"]}");
		assertThat(builtIn.status()).isEqualTo(409);
		assertThat(builtIn.errorMsg()).isEqualTo("A flow named FILL_FORM already exists");
		assertThat(this.http.get("/admin/api/flows/FILL_FORM").admin().send().json().get("steps").size()).isEqualTo(3);
	}

	@Test
	void rewardsTheLastStepOfACustomFlowByDefault() {
		String name = flowName("DEFAULT_REWARD");
		Http.Answer created = createFlow("{\"name\": \"" + name + "\", \"steps\": [\"ONE\", \"TWO\"]}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("reward_step").asString()).isEqualTo("TWO");
		assertThat(created.json().get("failure_steps").size()).isZero();
	}

	static Stream<Arguments> invalidFlows() {
		return Stream
			.of(arguments("\"steps\": [\"SCANNED\"]", "step SCANNED is reserved by the server; choose another name"),
					arguments("\"steps\": [\"A\", \"COUPON_ISSUED\"]",
							"step COUPON_ISSUED is reserved by the server; choose another name"),
					arguments("\"steps\": [\"A\"], \"failure_steps\": [\"COUPON_REDEEMED\"]",
							"step COUPON_REDEEMED is reserved by the server; choose another name"),
					arguments("\"steps\": [\"A\", \"B\", \"A\"]", "step A appears twice"),
					arguments("\"steps\": [\"A\", \"B\"], \"failure_steps\": [\"B\"]", "step B appears twice"),
					arguments("\"steps\": [\"A\", \"B\"], \"reward_step\": \"C\"",
							"reward_step C must be one of the flow's steps"),
					arguments("\"steps\": [\"A\"], \"failure_steps\": [\"NO\"], \"reward_step\": \"NO\"",
							"reward_step NO must be one of the flow's steps"),
					arguments("\"steps\": [\"A\"], \"reward_step\": \"SCANNED\"",
							"reward_step SCANNED must be one of the flow's steps"),
					arguments("\"steps\": [\"a\"]",
							"step a must be 1 to 64 characters of A-Z, 0-9 and _, starting with a letter"),
					arguments("\"steps\": [\"FORM-SENT\"]",
							"step FORM-SENT must be 1 to 64 characters of A-Z, 0-9 and _, starting with a letter"),
					arguments("\"steps\": [\"FORM SENT\"]",
							"step FORM SENT must be 1 to 64 characters of A-Z, 0-9 and _, starting with a letter"),
					arguments("\"steps\": [\"2ND\"]",
							"step 2ND must be 1 to 64 characters of A-Z, 0-9 and _, starting with a letter"),
					arguments("\"steps\": [\"A\", \"\"]", "step is required"),
					arguments("\"steps\": [\"A\", null]", "step is required"),
					arguments("\"steps\": []", "steps must list at least one step"),
					arguments("\"failure_steps\": [\"NO\"]", "steps must list at least one step"),
					arguments(
							"\"steps\": ["
									+ String.join(", ",
											IntStream.range(0, 20).mapToObj((i) -> "\"S" + i + "\"").toList())
									+ "], \"failure_steps\": [\"F\"]",
							"A flow has at most 20 steps, failure steps included"));
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("invalidFlows")
	void refusesAnInvalidFlow(String fields, String message) {
		String name = flowName("BAD");
		Http.Answer answer = createFlow("{\"name\": \"" + name + "\", " + fields + "}");
		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.errorMsg()).isEqualTo(message);
		assertThat(this.http.get("/admin/api/flows/" + name).admin().send().status()).isEqualTo(404);
	}

	@ParameterizedTest(name = "[{0}]")
	@ValueSource(strings = { "lower_case", "Mixed", "1ST_FLOW", "_FLOW", "MY-FLOW", "MY FLOW", "FLÖW",
			"F23456789012345678901234567890123456789012345678901234567890123456" })
	void refusesABadFlowName(String name) {
		Http.Answer answer = createFlow("{\"name\": \"" + name + "\", \"steps\": [\"A\"]}");
		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.errorMsg()).startsWith("name ")
			.endsWith(" must be 1 to 64 characters of A-Z, 0-9 and _, starting with a letter");
	}

	@Test
	void refusesAFlowWithoutName() {
		for (String body : List.of("{\"steps\": [\"A\"]}", "{\"name\": \"  \", \"steps\": [\"A\"]}")) {
			Http.Answer answer = createFlow(body);
			assertThat(answer.status()).isEqualTo(400);
			assertThat(answer.errorMsg()).isEqualTo("name is required");
		}
		Http.Answer empty = createFlow("");
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.errorMsg()).isEqualTo("Request body must be a JSON object with a name and steps");
		Http.Answer notAList = createFlow("{\"name\": \"" + flowName("STRING") + "\", \"steps\": \"A\"}");
		assertThat(notAList.status()).isEqualTo(400);
	}

	@Test
	void walksASessionThroughACustomFlowWhoseRewardStepIsNotTheLast() {
		String flow = flowName("SIGN_UP");
		assertThat(createFlow("{\"name\": \"" + flow + "\", \"steps\": [\"REGISTERED\", \"VERIFIED\","
				+ " \"PROFILE_DONE\"], \"failure_steps\": [\"REJECTED\"], \"reward_step\": \"VERIFIED\"}")
			.status()).isEqualTo(201);
		String key = this.fixtures.apiKey(this.partner).key();
		JsonNode campaign = this.fixtures.campaign(body("\"flow\": \"" + flow + "\", \"coupon_quota\": 3"));
		assertThat(campaign.get("flow").asString()).isEqualTo(flow);
		long campaignId = campaign.get("id").asLong();
		String slug = this.fixtures.placement(campaignId, this.fixtures.screen("Kiosk " + UUID.randomUUID()));

		String session = this.fixtures.scan(slug);
		assertThat(this.fixtures.updateStatus(key, session, "REGISTERED").status()).isEqualTo(200);

		Http.Answer early = this.fixtures.engage(key, session);
		assertThat(early.status()).isEqualTo(400);
		assertThat(early.errorMsg()).isEqualTo("Session " + session
				+ " has not reached VERIFIED; a coupon is issued once the session reaches VERIFIED");

		Http.Answer foreignStep = this.fixtures.updateStatus(key, session, "FORM_APPROVED");
		assertThat(foreignStep.status()).isEqualTo(400);
		assertThat(foreignStep.errorMsg()).isEqualTo("new_status FORM_APPROVED is not a step of flow " + flow
				+ "; the steps are REGISTERED, VERIFIED, PROFILE_DONE, REJECTED");

		assertThat(this.fixtures.updateStatus(key, session, "VERIFIED").status()).isEqualTo(200);
		Http.Answer coupon = this.fixtures.engage(key, session);
		assertThat(coupon.status()).as(coupon.toString()).isEqualTo(200);
		assertThat(coupon.json().get("message").asString()).isEqualTo("success");
		String code = coupon.json().get("coupon_code").asString();

		Http.Answer after = this.fixtures.updateStatus(key, session, "PROFILE_DONE");
		assertThat(after.status()).as("the journey goes on after the coupon").isEqualTo(200);
		assertThat(after.body()).isEqualTo("{\"message\":\"Status updated successfully\"}");

		Http.Answer back = this.fixtures.updateStatus(key, session, "VERIFIED");
		assertThat(back.status()).isEqualTo(400);
		assertThat(back.errorMsg()).isEqualTo("Action already completed for session_id: " + session);
		Http.Answer failLate = this.fixtures.updateStatus(key, session, "REJECTED");
		assertThat(failLate.status()).isEqualTo(400);
		assertThat(failLate.errorMsg()).isEqualTo("Action already completed for session_id: " + session);
		assertThat(this.fixtures.engage(key, session).status()).as("one coupon per session").isEqualTo(400);

		JsonNode view = this.http.get("/smart-engage/get/session/" + session).apiKey(key).send().json();
		assertThat(view.get("flow").asString()).isEqualTo(flow);
		assertThat(view.get("status").asString()).isEqualTo("PROFILE_DONE");
		assertThat(view.get("ended").asBoolean()).isTrue();
		assertThat(view.get("steps").valueStream().map((s) -> s.get("step").asString())).containsExactly("SCANNED",
				"REGISTERED", "VERIFIED", "COUPON_ISSUED", "PROFILE_DONE");
		assertThat(view.get("coupon").get("coupon_code").asString()).isEqualTo(code);

		String skipper = this.fixtures.scan(slug);
		assertThat(this.fixtures.updateStatus(key, skipper, "PROFILE_DONE").status()).isEqualTo(200);
		assertThat(this.fixtures.engage(key, skipper).status()).as("skipping past the reward step earns it")
			.isEqualTo(200);

		String rejected = this.fixtures.scan(slug);
		assertThat(this.fixtures.updateStatus(key, rejected, "REGISTERED").status()).isEqualTo(200);
		assertThat(this.fixtures.updateStatus(key, rejected, "REJECTED").status()).isEqualTo(200);
		Http.Answer refused = this.fixtures.engage(key, rejected);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.errorMsg()).isEqualTo("Session " + rejected
				+ " ended at REJECTED without reaching VERIFIED; a coupon is issued once the session reaches VERIFIED");
		assertThat(this.fixtures.updateStatus(key, rejected, "VERIFIED").errorMsg())
			.isEqualTo("Action already completed for session_id: " + rejected);

		assertPool(get(campaignId), 3, 2);
	}

	private Http.Answer createCampaign(String json) {
		return this.http.post("/admin/api/campaigns").admin().json(json).send();
	}

	private Http.Answer createPlacement(long campaign, String json) {
		return this.http.post("/admin/api/campaigns/" + campaign + "/placements").admin().json(json).send();
	}

	private Http.Answer createFlow(String json) {
		return this.http.post("/admin/api/flows").admin().json(json).send();
	}

	private Http.Answer importCodes(long campaign, String contentType, String body) {
		return this.http.post("/admin/api/campaigns/" + campaign + "/coupon-codes")
			.admin()
			.header("Content-Type", contentType)
			.body(body)
			.send();
	}

	private void assertUploadRefused(long campaign, String contentType, String body, int status, String message) {
		Http.Answer answer = importCodes(campaign, contentType, body);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
		assertThat(answer.header("Content-Type")).startsWith("application/json");
		if (message != null) {
			assertThat(answer.errorMsg()).isEqualTo(message);
		}
	}

	private Http.Answer scan(String slug) {
		return this.http.get("/s/" + slug)
			.header("User-Agent", "Mozilla/5.0 (Linux; Android 15; Pixel 9) Mobile Safari/537.36")
			.send();
	}

	/** A campaign body of this test's partner with the given extra fields. */
	private String body(String extra) {
		return "{\"partner_id\": " + this.partner + ", \"name\": \"Campaign " + UUID.randomUUID()
				+ "\", \"form_url\": \"" + FORM + "\", " + extra + "}";
	}

	private static String url(String formUrl) {
		return "\"name\": \"Bad URL\", \"form_url\": \"" + formUrl + "\"";
	}

	private static String flowName(String prefix) {
		return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
	}

	private JsonNode get(long campaign) {
		return this.http.get("/admin/api/campaigns/" + campaign).admin().send().json();
	}

	private List<JsonNode> campaignsOfPartner() {
		return this.http.get("/admin/api/campaigns?partner_id=" + this.partner)
			.admin()
			.send()
			.json()
			.valueStream()
			.toList();
	}

	private List<String> codes(long campaign) {
		return this.jdbc.sql("SELECT code FROM coupon WHERE campaign_id = :id ORDER BY id")
			.param("id", campaign)
			.query(String.class)
			.list();
	}

	private long sessions(long campaign) {
		return this.jdbc.sql("SELECT COUNT(*) FROM journey_session WHERE campaign_id = :id")
			.param("id", campaign)
			.query(Long.class)
			.single();
	}

	private static void assertPool(JsonNode campaign, long total, long issued) {
		JsonNode coupons = campaign.get("coupons");
		assertThat(coupons.get("total").asLong()).as("total").isEqualTo(total);
		assertThat(coupons.get("issued").asLong()).as("issued").isEqualTo(issued);
		assertThat(coupons.get("left").asLong()).as("left").isEqualTo(total - issued);
	}

}
