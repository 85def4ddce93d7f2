package com.smartengage.analytics;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.ServerTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sandbox sessions never count: a whole sandbox journey (scans, steps, a failure, coupons
 * issued and redeemed) leaves every number the operator reads exactly as it was, the
 * funnel, the breakdown, the time series, the CSV exports and the coupon pool's counts
 * alike, while a single live scan changes them.
 */
@IntegrationTest
class SandboxAnalyticsIntegrationTests extends ServerTests {

	Fixtures.World world;

	String testKey;

	String range;

	@BeforeEach
	void setUp() {
		this.world = this.fixtures.world(5);
		this.testKey = this.fixtures.testKey(this.world.partnerId()).key();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		this.range = "from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
		// Some live history, so that the numbers are not all zero.
		String approved = this.fixtures.approvedSession(this.world);
		assertThat(this.fixtures.engage(this.world.apiKey(), approved).status()).isEqualTo(200);
		String rejected = this.fixtures.scan(this.world.slug());
		assertThat(this.fixtures.updateStatus(this.world.apiKey(), rejected, "FORM_REJECTED").status()).isEqualTo(200);
		this.fixtures.scan(this.world.slug());
	}

	@Test
	void aSandboxJourneyChangesNoLiveNumber() {
		Map<String, String> before = numbers();

		for (int i = 0; i < 3; i++) {
			String session = this.fixtures.approvedSandboxSession(this.testKey, this.world.campaignId());
			Http.Answer issued = this.fixtures.engage(this.testKey, session);
			assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
			assertThat(this.fixtures.redeem(this.testKey, issued.json().get("coupon_code").asString()).status())
				.isEqualTo(200);
		}
		String rejected = this.fixtures.sandboxSession(this.testKey, this.world.campaignId());
		assertThat(this.fixtures.updateStatus(this.testKey, rejected, "FORM_REJECTED").status()).isEqualTo(200);
		this.fixtures.sandboxSession(this.testKey, this.world.campaignId());

		assertThat(numbers()).isEqualTo(before);
		assertThat(this.fixtures.couponsIssued(this.world.campaignId())).isEqualTo(1);

		// The comparison sees a change when there is one: a live scan.
		this.fixtures.scan(this.world.slug());
		Map<String, String> after = numbers();
		assertThat(after.get("funnel")).isNotEqualTo(before.get("funnel"));
		assertThat(after.get("sessions.csv")).isNotEqualTo(before.get("sessions.csv"));
	}

	@Test
	void theCouponPoolKeepsItsCodesAndCounts() {
		String pool = this.http.get("/admin/api/campaigns/" + this.world.campaignId())
			.admin()
			.send()
			.json()
			.get("coupons")
			.toString();

		String session = this.fixtures.approvedSandboxSession(this.testKey, this.world.campaignId());
		String code = this.fixtures.engage(this.testKey, session).json().get("coupon_code").asString();
		assertThat(this.fixtures.redeem(this.testKey, code).status()).isEqualTo(200);

		assertThat(this.http.get("/admin/api/campaigns/" + this.world.campaignId())
			.admin()
			.send()
			.json()
			.get("coupons")
			.toString()).isEqualTo(pool).contains("\"total\":5").contains("\"issued\":1");
		// Four codes are left for live sessions, and each gets one.
		for (int i = 0; i < 4; i++) {
			String live = this.fixtures.approvedSession(this.world);
			Http.Answer issued = this.fixtures.engage(this.world.apiKey(), live);
			assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
			assertThat(issued.json().get("coupon_code").asString()).doesNotStartWith("TEST-");
		}
	}

	/** Everything the admin API tells of the campaign, by what it is. */
	private Map<String, String> numbers() {
		String base = "/admin/api/campaigns/" + this.world.campaignId();
		Map<String, String> numbers = new LinkedHashMap<>();
		numbers.put("funnel", get(base + "/funnel?" + this.range));
		numbers.put("funnel.csv", get(base + "/funnel?format=csv&" + this.range));
		numbers.put("screen funnel", get(base + "/funnel?screen_id=" + this.world.screenId() + "&" + this.range));
		numbers.put("breakdown", get(base + "/breakdown?" + this.range));
		numbers.put("breakdown.csv", get(base + "/breakdown?format=csv&" + this.range));
		numbers.put("timeseries by day", get(base + "/timeseries?interval=day&" + this.range));
		numbers.put("timeseries by hour", get(base + "/timeseries?interval=hour&" + this.range));
		numbers.put("sessions.csv", get(base + "/sessions.csv?" + this.range));
		numbers.put("campaign", get(base));
		numbers.put("campaigns", get("/admin/api/campaigns?partner_id=" + this.world.partnerId()));
		return numbers;
	}

	private String get(String path) {
		Http.Answer answer = this.http.get(path).admin().send();
		assertThat(answer.status()).as(path + " " + answer).isEqualTo(200);
		return answer.body();
	}

}
