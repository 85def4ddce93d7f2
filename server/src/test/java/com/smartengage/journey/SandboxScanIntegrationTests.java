package com.smartengage.journey;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.ServerTests;

import static com.smartengage.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /smart-engage/post/sandbox/scan}: a test key starts a session as if a
 * shopper had scanned, and learns the form URL the scan would have sent the phone to; a
 * refused call makes nothing.
 */
@IntegrationTest
class SandboxScanIntegrationTests extends ServerTests {

	static final String PATH = "/smart-engage/post/sandbox/scan";

	@Autowired
	JdbcClient jdbc;

	Fixtures.World world;

	String testKey;

	@BeforeEach
	void setUp() {
		this.world = this.fixtures.world(3);
		this.testKey = this.fixtures.testKey(this.world.partnerId()).key();
	}

	@Test
	void answersTheSessionAndTheFormUrlARealScanWouldRedirectTo() {
		Http.Answer answer = this.fixtures.sandboxScan(this.testKey, this.world.campaignId());

		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.header("Content-Type")).startsWith("application/json");
		JsonNode body = answer.json();
		assertThat(body.propertyNames()).containsExactly("session_id", "form_url");
		String session = body.get("session_id").asString();
		assertThat(UUID.fromString(session).version()).isEqualTo(4);
		assertThat(body.get("form_url").asString())
			.isEqualTo("https://partner.example.com/form?lang=th&session_id=" + session + "#top");
		String live = this.fixtures.scan(this.world.slug());
		String location = this.http.get("/s/" + this.world.slug())
			.header("User-Agent", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Mobile/15E148")
			.send()
			.header("Location");
		assertThat(live).isNotEqualTo(session);
		assertThat(body.get("form_url").asString().replace(session, "<id>"))
			.isEqualTo(location.replaceAll("session_id=[0-9a-f-]{36}", "session_id=<id>"));
	}

	@Test
	void aFormUrlIsExtendedByTheScansRulesQueryAndFragmentKept() {
		for (String[] example : new String[][] { { "https://p.example.com/f", "https://p.example.com/f?session_id=" },
				{ "https://p.example.com/f?", "https://p.example.com/f?session_id=" },
				{ "https://p.example.com/f?a=1&", "https://p.example.com/f?a=1&session_id=" } }) {
			long campaign = this.fixtures
				.campaign("{\"partner_id\": " + this.world.partnerId() + ", \"name\": \"Forms\", \"form_url\": \""
						+ example[0] + "\"}")
				.get("id")
				.asLong();
			JsonNode body = this.fixtures.sandboxScan(this.testKey, campaign).json();
			assertThat(body.get("form_url").asString()).isEqualTo(example[1] + body.get("session_id").asString());
		}
	}

	@Test
	void withoutCampaignIdScansThePartnersOnlyCampaign() {
		for (String body : new String[] { null, "", "{}", "[]", "{\"campaign_id\": null}", "{\"other\": 1}" }) {
			Http.Call call = this.http.post(PATH).apiKey(this.testKey);
			if (body != null) {
				call.json(body);
			}
			Http.Answer answer = call.send();
			assertThat(answer.status()).as(body + " " + answer).isEqualTo(200);
			assertThat(viewOf(answer.json().get("session_id").asString()).get("campaign_id").asLong())
				.isEqualTo(this.world.campaignId());
		}
		Http.Answer asText = this.http.post(PATH)
			.apiKey(this.testKey)
			.json("{\"campaign_id\": \"" + this.world.campaignId() + "\"}")
			.send();
		assertThat(asText.status()).as(asText.toString()).isEqualTo(200);
	}

	@Test
	void withoutCampaignIdAPartnerWithSeveralCampaignsIsToldToNameOne() {
		long second = this.fixtures.campaign(this.world.partnerId(), 0);
		long before = sessions(this.world.partnerId());

		Http.Answer answer = this.fixtures.sandboxScan(this.testKey, null);

		assertError(answer, 400, "campaign_id is required: this API-KEY's partner has 2 campaigns ("
				+ this.world.campaignId() + ", " + second + "); name the one to scan");
		assertThat(answer.header("X-Error-Code")).isEqualTo("campaign_required");
		assertThat(sessions(this.world.partnerId())).isEqualTo(before);
		assertThat(this.fixtures.sandboxScan(this.testKey, second).status()).isEqualTo(200);
	}

	@Test
	void aPartnerWithoutCampaignsIsToldSo() {
		long lonely = this.fixtures.partner("No campaigns " + UUID.randomUUID());
		String key = this.fixtures.testKey(lonely).key();

		Http.Answer answer = this.fixtures.sandboxScan(key, null);

		assertError(answer, 404, "This API-KEY's partner has no campaign yet; an operator creates one first");
		assertThat(answer.header("X-Error-Code")).isEqualTo("campaign_not_found");
		assertThat(sessions(lonely)).isZero();
	}

	@Test
	void aLiveKeyIsRefusedWhateverItSendsAndNothingIsMade() {
		long before = sessions(this.world.partnerId());
		for (String body : new String[] { "{\"campaign_id\": " + this.world.campaignId() + "}", "{}", "",
				"{\"campaign_id\": ", "{\"campaign_id\": 999999999}" }) {
			Http.Answer answer = this.http.post(PATH).apiKey(this.world.apiKey()).json(body).send();
			assertError(answer, 403, "Sandbox calls need a test API-KEY");
			assertThat(answer.header("X-Error-Code")).isEqualTo("sandbox_needs_test_key");
		}
		assertThat(sessions(this.world.partnerId())).isEqualTo(before);
		Http.Answer unknownKey = this.fixtures.sandboxScan("se_test_unknown", this.world.campaignId());
		assertError(unknownKey, 401, "API-KEY is invalid");
	}

	@Test
	void anotherPartnersCampaignIsAnsweredAsAnUnknownOneAndNothingIsMade() {
		Fixtures.World other = this.fixtures.world(1);
		long before = sessions(this.world.partnerId()) + sessions(other.partnerId());

		Http.Answer theirs = this.fixtures.sandboxScan(this.testKey, other.campaignId());
		Http.Answer unknown = this.fixtures.sandboxScan(this.testKey, 987_654_321L);

		assertError(theirs, 404, "No campaign with campaign_id: " + other.campaignId() + " for this API-KEY");
		assertThat(theirs.header("X-Error-Code")).isEqualTo("campaign_not_found");
		assertError(unknown, 404, "No campaign with campaign_id: 987654321 for this API-KEY");
		assertThat(sessions(this.world.partnerId()) + sessions(other.partnerId())).isEqualTo(before);
	}

	@Test
	void aCampaignIdThatIsNoIdIsRefusedWithASentence() {
		long before = sessions(this.world.partnerId());
		for (String value : new String[] { "\"abc\"", "1.5", "-3", "0", "true", "[1]", "{}", "\"\"" }) {
			Http.Answer answer = this.http.post(PATH)
				.apiKey(this.testKey)
				.json("{\"campaign_id\": " + value + "}")
				.send();
			assertThat(answer.status()).as(value + " " + answer).isEqualTo(400);
			assertThat(answer.errorMsg()).startsWith("campaign_id must be a campaign's id, a whole number, not ");
			assertThat(answer.header("X-Error-Code")).isEqualTo("invalid_request");
		}
		for (String body : new String[] { "\"x\"", "[1]", "42", "{\"campaign_id\": " }) {
			Http.Answer answer = this.http.post(PATH).apiKey(this.testKey).json(body).send();
			assertThat(answer.status()).as(body + " " + answer).isEqualTo(400);
		}
		assertError(this.http.post(PATH).apiKey(this.testKey).json("{\"pad\": \"" + "x".repeat(20_000) + "\"}").send(),
				413, "Request body is larger than the limit of 16384 bytes");
		assertThat(sessions(this.world.partnerId())).isEqualTo(before);
	}

	@Test
	void worksWhileTheLiveCampaignIsPausedNotStartedOrOver() {
		assertThat(this.http.post("/admin/api/campaigns/" + this.world.campaignId() + "/pause").admin().send().status())
			.isEqualTo(200);
		assertThat(this.http.get("/s/" + this.world.slug()).send().status()).isEqualTo(503);
		assertThat(this.fixtures.sandboxScan(this.testKey, this.world.campaignId()).status()).isEqualTo(200);

		long later = this.fixtures
			.campaign("{\"partner_id\": " + this.world.partnerId() + ", \"name\": \"Next month\", \"form_url\": \""
					+ Fixtures.FORM_URL + "\", \"starts_at\": \"2099-01-01T00:00:00Z\"}")
			.get("id")
			.asLong();
		assertThat(this.fixtures.sandboxScan(this.testKey, later).status()).isEqualTo(200);

		this.jdbc.sql("UPDATE campaign SET ends_at = :endsAt WHERE id = :id")
			.param("endsAt", Instant.now().minus(1, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC))
			.param("id", this.world.campaignId())
			.update();
		String session = this.fixtures.sandboxSession(this.testKey, this.world.campaignId());
		assertThat(this.fixtures.updateStatus(this.testKey, session, "FORM_APPROVED").status()).isEqualTo(200);
		Http.Answer issued = this.fixtures.engage(this.testKey, session);
		assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
	}

	@Test
	void aSandboxSessionHasNoScreenAndNoJourneyEvent() {
		String session = this.fixtures.sandboxSession(this.testKey, this.world.campaignId());

		JsonNode view = viewOf(session);
		assertThat(view.get("screen_id").isNull()).isTrue();
		assertThat(view.get("status").asString()).isEqualTo("SCANNED");
		assertThat(view.get("steps")).hasSize(1);
		assertThat(view.get("steps").get(0).get("step").asString()).isEqualTo("SCANNED");
		assertThat(this.jdbc.sql("SELECT test, placement_id, screen_id FROM journey_session WHERE id = :id")
			.param("id", UUID.fromString(session))
			.query((rs, i) -> rs.getBoolean("test") + " " + rs.getObject("placement_id") + " "
					+ rs.getObject("screen_id"))
			.single()).isEqualTo("true null null");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM journey_event WHERE session_id = :id")
			.param("id", UUID.fromString(session))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aRetryWithTheSameIdempotencyKeyGetsTheSameSession() {
		Http.Answer first = this.http.post(PATH)
			.apiKey(this.testKey)
			.header("Idempotency-Key", "scan-1")
			.json("{\"campaign_id\": " + this.world.campaignId() + "}")
			.send();
		Http.Answer again = this.http.post(PATH)
			.apiKey(this.testKey)
			.header("Idempotency-Key", "scan-1")
			.json("{\"campaign_id\": " + this.world.campaignId() + "}")
			.send();

		assertThat(first.status()).isEqualTo(200);
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
	}

	private JsonNode viewOf(String session) {
		Http.Answer answer = this.fixtures.view(this.testKey, session);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		return answer.json();
	}

	private long sessions(long partnerId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM journey_session WHERE partner_id = :partner")
			.param("partner", partnerId)
			.query(Long.class)
			.single();
	}

}
