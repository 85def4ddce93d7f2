package com.smartengage.contract;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.ServerTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole journey over real HTTP: operator set-up, scan, status updates, coupon, page,
 * redemption.
 */
@IntegrationTest
class JourneyIntegrationTests extends ServerTests {

	@Test
	void shopperGoesFromScanToRedeemedCoupon() {
		long partner = this.fixtures.partner("Coffee & Co <script>");
		String key = this.fixtures.apiKey(partner).key();
		long campaign = this.fixtures.campaign(partner, 5);
		long screen = this.fixtures.screen("Mall entrance");
		String slug = this.fixtures.placement(campaign, screen);

		Http.Answer scan = this.http.get("/s/" + slug).header("User-Agent", "Mozilla/5.0 (Linux; Android 15)").send();
		assertThat(scan.status()).isEqualTo(302);
		assertThat(scan.header("Cache-Control")).isEqualTo("no-store");
		String location = scan.header("Location");
		assertThat(location).matches("https://partner\\.example\\.com/form\\?lang=th&session_id=[0-9a-f-]{36}#top");
		String session = location.substring(location.indexOf("session_id=") + 11, location.indexOf('#'));

		for (String step : new String[] { "FORM_SUBMITTED", "FORM_REVIEWING", "FORM_APPROVED" }) {
			Http.Answer update = this.fixtures.updateStatus(key, session, step);
			assertThat(update.status()).as(update.toString()).isEqualTo(200);
			assertThat(update.body()).isEqualTo("{\"message\":\"Status updated successfully\"}");
		}

		Http.Answer engage = this.fixtures.engage(key, session);
		assertThat(engage.status()).as(engage.toString()).isEqualTo(200);
		JsonNode issued = engage.json();
		assertThat(issued.get("message").asString()).isEqualTo("success");
		String code = issued.get("coupon_code").asString();
		String couponUrl = issued.get("coupon_url").asString();
		assertThat(code).isNotBlank();
		assertThat(couponUrl).startsWith(this.http.base() + "/c/");
		assertThat(issued.get("expires_at").asString()).isNotBlank();

		Http.Answer view = this.http.get("/smart-engage/get/session/" + session).apiKey(key).send();
		assertThat(view.status()).isEqualTo(200);
		JsonNode body = view.json();
		assertThat(body.get("status").asString()).isEqualTo("FORM_APPROVED");
		assertThat(body.get("steps").valueStream().map((s) -> s.get("step").asString()).toList())
			.containsExactly("SCANNED", "FORM_SUBMITTED", "FORM_REVIEWING", "FORM_APPROVED", "COUPON_ISSUED");
		assertThat(body.get("coupon").get("coupon_code").asString()).isEqualTo(code);

		String path = couponUrl.substring(this.http.base().length());
		Http.Answer page = this.http.get(path).send();
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.body()).contains(code).contains("<svg").contains("Ready to use").contains("Valid until");

		Http.Answer redeem = this.http.post("/smart-engage/post/redeem-coupon")
			.apiKey(key)
			.json("{\"coupon_code\": \"" + code + "\"}")
			.send();
		assertThat(redeem.status()).as(redeem.toString()).isEqualTo(200);
		assertThat(redeem.json().get("message").asString()).isEqualTo("success");

		Http.Answer again = this.http.post("/smart-engage/post/redeem-coupon")
			.apiKey(key)
			.json("{\"coupon_code\": \"" + code + "\"}")
			.send();
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.errorMsg()).startsWith("Coupon " + code + " was already redeemed at ");

		assertThat(this.http.get(path).send().body()).contains("Redeemed").doesNotContain("Ready to use");

		JsonNode funnel = this.http.get("/admin/api/campaigns/" + campaign + "/funnel").admin().send().json();
		assertThat(funnel.get("steps").valueStream().map((s) -> s.get("sessions").asLong()).toList())
			.containsExactly(1L, 1L, 1L, 1L, 1L, 1L);
	}

}
