package com.smartengage.security;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.ServerTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names that operators type and codes they import reach shoppers' pages as text, never as
 * markup: a campaign name and a coupon code full of HTML and script are shown escaped on
 * the scan's preview page and on the coupon page.
 */
@IntegrationTest
class HtmlEscapingIntegrationTests extends ServerTests {

	private static final String NAME = "<script>alert('name')</script> & \"Friends\" <img src=x onerror=alert(1)>";

	private static final String CODE = "<b>X</b>&'1\"";

	@Test
	void showsOperatorTextOnShopperPagesAsTextNeverAsMarkup() {
		long partner = this.fixtures.partner(NAME);
		ObjectNode campaign = Http.JSON.createObjectNode()
			.put("partner_id", partner)
			.put("name", NAME + " " + UUID.randomUUID())
			.put("form_url", Fixtures.FORM_URL);
		campaign.putArray("coupon_codes").add(CODE);
		long campaignId = this.fixtures.campaign(campaign.toString()).get("id").asLong();
		String slug = this.fixtures.placement(campaignId, this.fixtures.screen(NAME));
		String key = this.fixtures.apiKey(partner).key();

		Http.Answer preview = this.http.get("/s/" + slug).header("User-Agent", "facebookexternalhit/1.1").send();
		assertThat(preview.status()).isEqualTo(200);
		assertEscaped(preview.body());
		assertThat(preview.body())
			.contains("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt; &amp; &quot;Friends&quot;");

		String session = this.fixtures.scan(slug);
		assertThat(this.fixtures.updateStatus(key, session, "FORM_APPROVED").status()).isEqualTo(200);
		Http.Answer issued = this.fixtures.engage(key, session);
		assertThat(issued.json().get("coupon_code").asString()).isEqualTo(CODE);
		String url = issued.json().get("coupon_url").asString();
		Http.Answer page = this.http.get(url.substring(url.indexOf("/c/"))).send();
		assertThat(page.status()).isEqualTo(200);
		assertEscaped(page.body());
		assertThat(page.body()).contains("&lt;b&gt;X&lt;/b&gt;&amp;&#39;1&quot;");
	}

	private static void assertEscaped(String html) {
		assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>");
	}

}
