package com.smartengage.common.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.RawHttp;
import com.smartengage.support.ServerTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input that once slipped past the checks: forwarded headers, extreme dates, control
 * characters.
 */
@IntegrationTest
class UntrustedInputIntegrationTests extends ServerTests {

	@Test
	void forwardedHeadersFromClientsSteerNoUrlAndDoNotBeatAuthentication() {
		Fixtures.World world = this.fixtures.world(1);
		String session = this.fixtures.approvedSession(world);
		Http.Answer engage = this.http.post("/smart-engage/post/engage-v3/" + session)
			.apiKey(world.apiKey())
			.header("X-Forwarded-Host", "evil.example")
			.header("X-Forwarded-Proto", "https")
			.send();
		assertThat(engage.status()).as(engage.toString()).isEqualTo(200);
		assertThat(engage.json().get("coupon_url").asString()).startsWith(this.http.base() + "/c/");

		Http.Answer noKey = this.http.post("/smart-engage/post/update-session-status")
			.header("X-Forwarded-Port", "abc")
			.json("{}")
			.send();
		assertThat(noKey.status()).isEqualTo(401);
		assertThat(noKey.errorMsg()).isEqualTo("API-KEY is invalid");
	}

	@Test
	void aHostHeaderThatIsNotAllowedNeverBecomesAUrlHandedOut() {
		Fixtures.World world = this.fixtures.world(1);
		String session = this.fixtures.approvedSession(world);
		RawHttp raw = new RawHttp("127.0.0.1", this.port);
		Http.Answer engage = raw.post("/smart-engage/post/engage-v3/" + session,
				Map.of("Host", "evil.example", "API-KEY", world.apiKey()), null);
		assertThat(engage.status()).as(engage.toString()).isEqualTo(200);
		assertThat(engage.json().get("coupon_url").asString()).startsWith("http://localhost:" + this.port + "/c/");

		Http.Answer placements = raw.get("/admin/api/campaigns/" + world.campaignId() + "/placements",
				Map.of("Host", "evil.example:8080", "Authorization", "Bearer " + IntegrationTest.ADMIN_TOKEN));
		assertThat(placements.status()).as(placements.toString()).isEqualTo(200);
		assertThat(placements.body()).doesNotContain("evil.example").contains("http://localhost:" + this.port + "/s/");

		// The hosts allowed by default still name themselves.
		Http.Answer local = raw.get("/admin/api/campaigns/" + world.campaignId() + "/placements",
				Map.of("Host", "127.0.0.1:" + this.port, "Authorization", "Bearer " + IntegrationTest.ADMIN_TOKEN));
		assertThat(local.body()).contains("http://127.0.0.1:" + this.port + "/s/");
	}

	@Test
	void namesRefuseTextDirectionOverridesAndZeroWidthCharacters() {
		for (String name : List.of("Shop\u202Egnp.exe", "Sh\u200Bop", "\uFEFFShop", "Shop\u2066x\u2069", "Sho\u200Dp",
				"Shop\u00AD")) {
			for (String path : List.of("/admin/api/partners", "/admin/api/screens")) {
				Http.Answer answer = this.http.post(path).admin().json("{\"name\": \"" + name + "\"}").send();
				assertThat(answer.status()).as(path + " " + name + ": " + answer).isEqualTo(400);
				assertThat(answer.errorMsg())
					.startsWith("name must not contain invisible or text-direction characters");
			}
		}
		// Emoji sequences and scripts that need the zero-width joiner or non-joiner keep
		// them.
		for (String name : List.of("Family \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
				"\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645", "\u0E2A\u0E27\u0E31\u0E2A\u0E14\u0E35")) {
			Http.Answer answer = this.http.post("/admin/api/partners")
				.admin()
				.json("{\"name\": \"" + name + "\"}")
				.send();
			assertThat(answer.status()).as(name + ": " + answer).isEqualTo(201);
		}
	}

	@Test
	void sessionViewIsJsonWhateverTheAcceptHeader() {
		Fixtures.World world = this.fixtures.world(1);
		String session = this.fixtures.scan(world.slug());
		Http.Answer view = this.http.get("/smart-engage/get/session/" + session)
			.apiKey(world.apiKey())
			.header("Accept", "text/html")
			.send();
		assertThat(view.status()).isEqualTo(200);
		assertThat(view.header("Content-Type")).startsWith("application/json");
		assertThat(view.json().get("status").asString()).isEqualTo("SCANNED");
	}

	@ParameterizedTest
	@ValueSource(strings = { "+300000-01-01T00:00:00Z", "-5000-01-01T00:00:00Z", "+999999999-12-31T23:59:59+18:00",
			"1969-12-31T23:59:59Z" })
	void campaignTimesOutsideTheStorableYearsAreRefused(String when) {
		long partner = this.fixtures.partner("Dates");
		Http.Answer answer = this.http.post("/admin/api/campaigns")
			.admin()
			.json("{\"partner_id\": " + partner + ", \"name\": \"x\", \"form_url\": \"https://a.example/f\","
					+ " \"ends_at\": \"" + when + "\"}")
			.send();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.errorMsg()).startsWith("ends_at must lie between the years 1970 and 9999");
	}

	@ParameterizedTest
	@ValueSource(strings = { "from=%2B300000-01-01", "to=%2B999999999-12-31", "from=1969-12-31" })
	void funnelDatesOutsideTheStorableYearsAreRefused(String query) {
		Fixtures.World world = this.fixtures.world(0);
		Http.Answer answer = this.http.get("/admin/api/campaigns/" + world.campaignId() + "/funnel?" + query)
			.admin()
			.send();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.errorMsg()).contains("must lie between the years 1970 and 9998");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Null\\u0000byte", "Bell\\u0007", "Lone\\ud800surrogate" })
	void operatorNamesWithControlCharactersAreRefused(String name) {
		for (String path : new String[] { "/admin/api/partners", "/admin/api/screens" }) {
			Http.Answer answer = this.http.post(path).admin().json("{\"name\": \"" + name + "\"}").send();
			assertThat(answer.status()).as(path + " " + answer).isEqualTo(400);
			assertThat(answer.errorMsg()).isEqualTo("name must not contain control characters");
		}
	}

	@Test
	void couponCodesWithUnpairedSurrogatesAreRefused() {
		Fixtures.World world = this.fixtures.world(0);
		Http.Answer answer = this.http.post("/admin/api/campaigns/" + world.campaignId() + "/coupon-codes")
			.admin()
			.json("[\"GOOD1\", \"AB\\ud800CD\"]")
			.send();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.errorMsg()).startsWith("Coupon code #2");
	}

	/**
	 * Found by the fuzzer (seed 6536041492627): a form body is never parsed, so it cannot
	 * fail.
	 */
	@Test
	void formBodyWithBrokenUtf8OnAWrongMethodIsAPlain405() {
		Fixtures.World world = this.fixtures.world(0);
		Http.Answer answer = this.http.call("DELETE", "/smart-engage/post/update-session-status")
			.apiKey(world.apiKey())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.body(new byte[] { 's', '=', '%', (byte) 0xC3, (byte) 0x28, '&', 'x', '=', (byte) 0xFF })
			.send();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(405);
		assertThat(answer.errorMsg()).startsWith("Method DELETE is not allowed");
	}

	@Test
	void errorPathAskedForDirectlyIsNotFound() {
		Http.Answer answer = this.http.get("/error").send();
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.body()).doesNotContain("Something went wrong");
	}

}
