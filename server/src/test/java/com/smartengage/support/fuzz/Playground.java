package com.smartengage.support.fuzz;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;

import static com.smartengage.support.fuzz.Encoding.urlEncoded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A world of its own that the admin and dashboard attacks may change, and the keys that
 * reach past authentication everywhere.
 */
public record Playground(long partnerId, long campaignId, long screenId, String slug, String session, Keys keys) {

	private static final Pattern LOGIN_FIELD = Pattern
		.compile("<input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\">");

	private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

	/** What is needed to reach past authentication everywhere. */
	public record Keys(String apiKey, String adminToken, String metricsToken, String cookie, String csrf,
			String loginCookie, String loginField) {
	}

	/**
	 * A fresh world, an operator logged in to the dashboard, and the login form's token
	 * of a second browser that never logs in.
	 */
	public static Playground create(Fixtures fixtures, Http http, String apiKey) {
		Fixtures.World world = fixtures.world(2);
		String session = fixtures.scan(world.slug());
		Http.Answer loginPage = http.get("/dashboard/login").send();
		Matcher field = LOGIN_FIELD.matcher(loginPage.body());
		assertThat(field.find()).as(loginPage.toString()).isTrue();
		String loginCookie = cookie(loginPage, "SE_DASHBOARD_LOGIN");
		Http.Answer login = http.post("/dashboard/login")
			.header("Cookie", "SE_DASHBOARD_LOGIN=" + loginCookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.body("_csrf=" + urlEncoded(field.group(1)) + "&token=" + urlEncoded(IntegrationTest.ADMIN_TOKEN))
			.send();
		assertThat(login.status()).as(login.toString()).isEqualTo(302);
		String cookie = login.headers()
			.entrySet()
			.stream()
			.filter((e) -> e.getKey().equalsIgnoreCase("Set-Cookie"))
			.flatMap((e) -> e.getValue().stream())
			.map((value) -> value.split(";", 2)[0])
			.filter((pair) -> !pair.endsWith("="))
			.reduce((a, b) -> a + "; " + b)
			.orElseThrow();
		Http.Answer page = http.get("/dashboard/screens").header("Cookie", cookie).send();
		Matcher meta = CSRF_META.matcher(page.body());
		assertThat(meta.find()).as(page.toString()).isTrue();
		Http.Answer second = http.get("/dashboard/login").send();
		Matcher secondField = LOGIN_FIELD.matcher(second.body());
		assertThat(secondField.find()).isTrue();
		Keys keys = new Keys(apiKey, IntegrationTest.ADMIN_TOKEN, IntegrationTest.METRICS_TOKEN, cookie, meta.group(1),
				cookie(second, "SE_DASHBOARD_LOGIN"), secondField.group(1));
		return new Playground(world.partnerId(), world.campaignId(), world.screenId(), world.slug(), session, keys);
	}

	private static String cookie(Http.Answer answer, String name) {
		return answer.headers()
			.entrySet()
			.stream()
			.filter((e) -> e.getKey().equalsIgnoreCase("Set-Cookie"))
			.flatMap((e) -> e.getValue().stream())
			.filter((value) -> value.startsWith(name + "="))
			.map((value) -> value.substring(name.length() + 1).split(";", 2)[0])
			.findFirst()
			.orElseThrow(() -> new AssertionError("no cookie " + name + " in " + answer));
	}

}
