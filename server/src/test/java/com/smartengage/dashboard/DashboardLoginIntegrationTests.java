package com.smartengage.dashboard;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.ServerTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operators log in with the admin token; sessions are secured, every form needs the
 * session's CSRF token, and a logout ends the session.
 */
@IntegrationTest
class DashboardLoginIntegrationTests extends ServerTests {

	@Test
	void theLoginFormSetsAStrictCsrfCookieScopedToTheDashboard() {
		Http.Answer form = this.http.get("/dashboard/login").send();

		assertThat(form.status()).isEqualTo(200);
		assertThat(form.header("Content-Type")).startsWith("text/html");
		assertThat(form.body()).contains("name=\"token\"").contains("name=\"_csrf\"");
		assertThat(Operator.setCookies(form)).singleElement()
			.satisfies((cookie) -> assertThat(cookie).startsWith("SE_DASHBOARD_LOGIN=")
				.contains("Path=/dashboard")
				.contains("HttpOnly")
				.contains("SameSite=Strict")
				.doesNotContain("Secure"));
	}

	@Test
	void theRightTokenStartsASessionInAnHttpOnlySameSiteCookie() {
		Operator operator = new Operator(this.http);
		Http.Answer login = operator.login(IntegrationTest.ADMIN_TOKEN);

		assertThat(login.status()).isEqualTo(302);
		assertThat(login.header("Location")).endsWith("/dashboard");
		assertThat(Operator.setCookies(login)).anySatisfy((cookie) -> assertThat(cookie).startsWith("SE_DASHBOARD=")
			.contains("Path=/dashboard")
			.contains("HttpOnly")
			.contains("SameSite=Lax")
			.contains("Max-Age="));
		assertThat(operator.cookie(OperatorSessions.COOKIE)).hasSizeGreaterThan(40);
		assertThat(operator.get("/dashboard").status()).isEqualTo(200);
	}

	@Test
	void aWrongTokenIsRefusedAndStartsNoSession() {
		Operator operator = new Operator(this.http);
		Http.Answer login = operator.login("not-the-admin-token");

		assertThat(login.status()).isEqualTo(401);
		assertThat(login.body()).contains("That is not the admin token");
		assertThat(operator.cookie(OperatorSessions.COOKIE)).isNull();
		assertThat(operator.get("/dashboard").status()).isEqualTo(302);
	}

	@Test
	void aLoginWithoutItsCsrfCookieOrFieldIsRefused() {
		Operator operator = new Operator(this.http);
		operator.get("/dashboard/login");
		String cookie = operator.cookie(SessionCookies.LOGIN_CSRF);

		Http.Answer noField = operator.post("/dashboard/login", Map.of("token", IntegrationTest.ADMIN_TOKEN));
		Http.Answer wrongField = operator.post("/dashboard/login",
				Map.of("token", IntegrationTest.ADMIN_TOKEN, "_csrf", cookie + "x"));
		Http.Answer noCookie = new Operator(this.http).post("/dashboard/login",
				Map.of("token", IntegrationTest.ADMIN_TOKEN, "_csrf", cookie));

		for (Http.Answer answer : List.of(noField, wrongField, noCookie)) {
			assertThat(answer.status()).isEqualTo(403);
			assertThat(Operator.setCookies(answer)).noneMatch((c) -> c.startsWith("SE_DASHBOARD="));
		}
	}

	@Test
	void aLoginAlwaysChangesTheSessionIdAndEndsTheSessionTheBrowserHad() {
		String first = Operator.loggedIn(this.http).cookie(OperatorSessions.COOKIE);
		Operator browser = new Operator(this.http);
		browser.get("/dashboard/login");
		// A session id planted in the browser before the login (session fixation).
		browser.setCookie(OperatorSessions.COOKIE, first);

		Http.Answer login = browser.login(IntegrationTest.ADMIN_TOKEN);

		assertThat(login.status()).isEqualTo(302);
		String second = browser.cookie(OperatorSessions.COOKIE);
		assertThat(second).isNotEqualTo(first);
		assertThat(browser.get("/dashboard").status()).isEqualTo(200);
		Operator stale = new Operator(this.http);
		stale.setCookie(OperatorSessions.COOKIE, first);
		assertThat(stale.get("/dashboard").status()).isEqualTo(302);
	}

	@Test
	void everyFormNeedsTheSessionsCsrfToken() {
		Operator operator = Operator.loggedIn(this.http);
		String name = "CSRF screen " + System.nanoTime();

		Http.Answer missing = operator.post("/dashboard/screens", Map.of("name", name));
		Http.Answer wrong = operator.post("/dashboard/screens", Map.of("name", name, "_csrf", "forged"));
		Operator other = Operator.loggedIn(this.http);
		Http.Answer othersToken = operator.post("/dashboard/screens", Map.of("name", name, "_csrf", other.csrf()));

		for (Http.Answer answer : List.of(missing, wrong, othersToken)) {
			assertThat(answer.status()).isEqualTo(403);
			assertThat(answer.header("Content-Type")).startsWith("text/html");
			assertThat(answer.body()).contains("This form has expired");
		}
		assertThat(this.http.get("/admin/api/screens").admin().send().body()).doesNotContain(name);
		assertThat(operator.submit("/dashboard/screens", Map.of("name", name)).status()).isEqualTo(302);
		assertThat(this.http.get("/admin/api/screens").admin().send().body()).contains(name);
	}

	@Test
	void theScriptsRoutesNeedTheCsrfHeaderToo() {
		Operator operator = Operator.loggedIn(this.http);
		long campaign = this.fixtures.campaign(this.fixtures.partner("CSRF upload"), 0);
		String path = "/dashboard/api/campaigns/" + campaign + "/coupon-codes";

		Http.Answer refused = operator.call("POST", path).header("Content-Type", "text/csv").body("CODE-1\n").send();
		Http.Answer accepted = operator.call("POST", path)
			.header("Content-Type", "text/csv")
			.header("X-CSRF-Token", operator.csrf())
			.body("CODE-1\n")
			.send();

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("error_msg").asString()).contains("This form has expired");
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
		assertThat(accepted.json().get("imported").asInt()).isEqualTo(1);
	}

	@Test
	void logoutNeedsTheCsrfTokenAndEndsTheSessionEverywhere() {
		Operator operator = Operator.loggedIn(this.http);
		String cookie = operator.cookie(OperatorSessions.COOKIE);

		assertThat(operator.post("/dashboard/logout", Map.of()).status()).isEqualTo(403);
		assertThat(operator.get("/dashboard").status()).isEqualTo(200);

		Http.Answer logout = operator.submit("/dashboard/logout", Map.of());
		assertThat(logout.status()).isEqualTo(302);
		assertThat(logout.header("Location")).contains("/dashboard/login?logged_out");
		assertThat(Operator.setCookies(logout))
			.anySatisfy((c) -> assertThat(c).startsWith("SE_DASHBOARD=;").contains("Max-Age=0"));

		Operator replay = new Operator(this.http);
		replay.setCookie(OperatorSessions.COOKIE, cookie);
		assertThat(replay.get("/dashboard").status()).isEqualTo(302);
		Http.Answer data = replay.get("/dashboard/api/campaigns/1/data");
		assertThat(data.status()).isEqualTo(401);
		assertThat(data.json().get("error_msg").asString()).isEqualTo(DashboardAuthFilter.NOT_LOGGED_IN);
	}

	@Test
	void anonymousVisitorsAreSentToTheLoginPageAndBackAfterwards() {
		Http.Answer page = this.http.get("/dashboard/partners").send();
		assertThat(page.status()).isEqualTo(302);
		assertThat(page.header("Location")).isEqualTo("/dashboard/login?next=%2Fdashboard%2Fpartners");

		Operator operator = new Operator(this.http);
		Http.Answer form = operator.get("/dashboard/login?next=%2Fdashboard%2Fpartners");
		assertThat(form.body()).contains("name=\"next\" value=\"/dashboard/partners\"");

		Http.Answer offSite = operator.get("/dashboard/login?next=https%3A%2F%2Fevil.example%2F");
		assertThat(offSite.body()).doesNotContain("evil.example");
		assertThat(this.http.get("/").send().header("Location")).endsWith("/dashboard");
	}

	@Test
	void loginsLogoutsAndDashboardActionsAreAuditedAsTheDashboard() {
		Operator operator = Operator.loggedIn(this.http);
		String name = "Audited screen " + System.nanoTime();
		operator.submit("/dashboard/screens", Map.of("name", name));

		List<JsonNode> events = this.http.get("/admin/api/audit?limit=20").admin().send().json().valueStream().toList();
		assertThat(events).anySatisfy((e) -> {
			assertThat(e.get("action").asString()).isEqualTo("screen.created");
			assertThat(e.get("details").asString()).contains(name);
			assertThat(e.get("actor").asString()).isEqualTo("dashboard");
		});
		assertThat(events).anySatisfy((e) -> {
			assertThat(e.get("action").asString()).isEqualTo("dashboard.login");
			assertThat(e.get("actor").asString()).isEqualTo("dashboard");
		});
		assertThat(events.toString()).doesNotContain(operator.cookie(OperatorSessions.COOKIE))
			.doesNotContain(IntegrationTest.ADMIN_TOKEN);
	}

	@Test
	void theDashboardSetsNoCookieAndNoNewHeaderOutsideItsOwnPaths() {
		Operator.loggedIn(this.http);
		Fixtures.World world = this.fixtures.world(1);
		String session = this.fixtures.approvedSession(world);
		String coupon = this.fixtures.engage(world.apiKey(), session).json().get("coupon_url").asString();

		for (Http.Answer answer : List.of(this.http.get("/s/" + world.slug()).send(),
				this.http.get(coupon.substring(this.http.base().length())).send(),
				this.http.get("/admin/api/partners").admin().send(),
				this.http.get("/smart-engage/get/session/" + session).apiKey(world.apiKey()).send(),
				this.http.get("/no-such-page").send())) {
			assertThat(Operator.setCookies(answer)).as(answer.toString()).isEmpty();
			String policy = answer.header("Content-Security-Policy");
			assertThat(policy == null || !policy.contains("script-src")).as(answer.toString()).isTrue();
		}
	}

}
