package com.smartengage.common.web;

import org.junit.jupiter.api.Test;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.ServerTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages carry a strict Content-Security-Policy; every answer forbids sniffing and
 * referrers.
 */
@IntegrationTest
class SecurityHeadersIntegrationTests extends ServerTests {

	@Test
	void couponPageScanPagesAndErrorPagesCarryTheStrictPolicy() {
		Fixtures.World world = this.fixtures.world(1);
		String session = this.fixtures.approvedSession(world);
		String couponUrl = this.fixtures.engage(world.apiKey(), session).json().get("coupon_url").asString();
		for (String path : new String[] { couponUrl.substring(this.http.base().length()), "/s/no-such-slug",
				"/no-such-page", "/c/unknown-token-0123456789" }) {
			Http.Answer page = this.http.get(path).send();
			assertThat(page.header("Content-Type")).as(path).startsWith("text/html");
			assertThat(page.header("Content-Security-Policy")).as(path)
				.isEqualTo(SecurityHeadersFilter.PAGE_POLICY)
				.contains("frame-ancestors 'none'")
				.doesNotContain("script-src");
			assertThat(page.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
			assertThat(page.header("X-Frame-Options")).as(path).isEqualTo("DENY");
			assertThat(page.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
			assertThat(page.body()).as(path).doesNotContain("<script");
		}
	}

	@Test
	void apiAnswersForbidSniffingToo() {
		Http.Answer answer = this.http.post("/smart-engage/post/update-session-status").json("{}").send();
		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
	}

	@Test
	void swaggerUiStillLoads() {
		Http.Answer ui = this.http.get("/swagger-ui/index.html").send();
		assertThat(ui.status()).isEqualTo(200);
		assertThat(ui.header("Content-Security-Policy")).isNull();
	}

}
