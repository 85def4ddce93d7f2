package com.smartengage.operations;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.ServerTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators rely on: health, metrics, the API description, and errors on unknown
 * routes.
 */
@IntegrationTest
class OperationsIntegrationTests extends ServerTests {

	@Test
	void healthIsUpAndIncludesTheDatabase() {
		Http.Answer answer = this.http.get("/actuator/health").send();
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.header("Content-Type")).contains("json");
		JsonNode health = answer.json();
		assertThat(health.get("status").asString()).isEqualTo("UP");
		assertThat(health.get("components").get("db").get("status").asString()).isEqualTo("UP");

		assertThat(this.http.get("/actuator/health/liveness").send().json().get("status").asString()).isEqualTo("UP");
		assertThat(this.http.get("/actuator/health/readiness").send().json().get("status").asString()).isEqualTo("UP");
	}

	@Test
	void metricsNeedTheMetricsOrAdminTokenWhileHealthStaysOpen() {
		for (String path : List.of("/actuator/prometheus", "/actuator", "/actuator/info", "/actuator/metrics")) {
			Http.Answer anonymous = this.http.get(path).send();
			assertThat(anonymous.status()).as(path).isEqualTo(401);
			assertThat(anonymous.header("WWW-Authenticate")).as(path).isEqualTo("Bearer");
			assertThat(anonymous.errorMsg()).as(path).startsWith("Authorization header must be");
			assertThat(anonymous.body()).as(path).doesNotContain("jvm_").doesNotContain("http_server");
		}
		// One wrong token only: each counts as a failed login of this shared address.
		Http.Answer wrong = this.http.get("/actuator/prometheus").header("Authorization", "Bearer not-it").send();
		assertThat(wrong.status()).isEqualTo(401);
		Http.Answer scrape = this.http.get("/actuator/prometheus")
			.header("Authorization", "Bearer " + IntegrationTest.METRICS_TOKEN)
			.send();
		assertThat(scrape.status()).isEqualTo(200);
		assertThat(scrape.body()).contains("jvm_memory_used_bytes");
		assertThat(this.http.get("/actuator/prometheus").admin().send().status()).isEqualTo(200);
		assertThat(this.http.get("/actuator/health").send().status()).isEqualTo(200);
		assertThat(this.http.get("/actuator/health/readiness").send().status()).isEqualTo(200);
	}

	@Test
	void healthShowsNoConnectionDetails() {
		String body = this.http.get("/actuator/health").send().body();
		assertThat(body).doesNotContain("jdbc:")
			.doesNotContain("validationQuery")
			.doesNotContain("H2")
			.doesNotContain("PostgreSQL");
	}

	@Test
	void prometheusExposesRequestTimersTaggedWithTheRoutesCalled() throws InterruptedException {
		Fixtures.World world = this.fixtures.world(1);
		String session = this.fixtures.approvedSession(world);
		assertThat(this.fixtures.engage(world.apiKey(), session).status()).isEqualTo(200);
		assertThat(this.http.get("/smart-engage/get/session/" + session).apiKey(world.apiKey()).send().status())
			.isEqualTo(200);

		String[] uris = { "/smart-engage/post/update-session-status", "/smart-engage/post/engage-v3/{sessionId}",
				"/smart-engage/get/session/{sessionId}", "/s/{slug}", "/admin/api/partners",
				"/admin/api/campaigns/{id}/placements" };
		String metrics = "";
		for (int attempt = 0; attempt < 50; attempt++) {
			Http.Answer answer = this.http.get("/actuator/prometheus").admin().send();
			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.header("Content-Type")).startsWith("text/plain");
			metrics = answer.body();
			String current = metrics;
			boolean all = java.util.Arrays.stream(uris).allMatch((uri) -> timerLine(uri).matcher(current).find());
			if (all) {
				break;
			}
			// A request's timer is recorded as the request completes, just after its
			// answer went out.
			Thread.sleep(100);
		}
		assertThat(metrics).contains("# TYPE http_server_requests_seconds histogram");
		for (String uri : uris) {
			assertThat(timerLine(uri).matcher(metrics).find()).as("a timer for " + uri).isTrue();
		}
		assertThat(metrics).containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\""
				+ Pattern.quote("/smart-engage/post/update-session-status") + "\"[^}]*\\}");
		assertThat(metrics).as("no raw session id or slug as a tag")
			.doesNotContain(session)
			.doesNotContain("uri=\"/s/" + world.slug() + "\"");
	}

	@Test
	void describesThePartnerAndAdminApisInOpenApi() {
		Http.Answer answer = this.http.get("/v3/api-docs").send();
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.header("Content-Type")).startsWith("application/json");
		JsonNode doc = answer.json();
		assertThat(doc.get("openapi").asString()).startsWith("3.");
		JsonNode paths = doc.get("paths");
		assertThat(paths.has("/smart-engage/post/update-session-status")).isTrue();
		assertThat(paths.get("/smart-engage/post/update-session-status").has("post")).isTrue();
		assertThat(paths.has("/smart-engage/post/engage-v3/{sessionId}")).isTrue();
		assertThat(paths.has("/smart-engage/get/session/{sessionId}")).isTrue();
		for (String admin : new String[] { "/admin/api/partners", "/admin/api/partners/{id}/api-keys",
				"/admin/api/api-keys/{id}", "/admin/api/campaigns", "/admin/api/campaigns/{id}/coupon-codes",
				"/admin/api/screens", "/admin/api/campaigns/{id}/placements", "/admin/api/campaigns/{id}/funnel",
				"/admin/api/flows" }) {
			assertThat(paths.has(admin)).as(admin).isTrue();
		}
		assertThat(paths.get("/admin/api/api-keys/{id}").has("delete")).isTrue();
		JsonNode schemes = doc.get("components").get("securitySchemes");
		assertThat(schemes.get("API-KEY").get("name").asString()).isEqualTo("API-KEY");
		assertThat(schemes.get("admin").get("scheme").asString()).isEqualTo("bearer");
		// No angle brackets for Markdown to swallow: the text renders as written.
		assertThat(doc.get("info").get("description").asString()).contains("`Authorization: Bearer`")
			.doesNotContain("<");
		JsonNode engage = paths.get("/smart-engage/post/engage-v3/{sessionId}").get("post").get("responses");
		assertThat(engage.get("200").get("headers").has("X-Request-Id")).isTrue();
		assertThat(engage.get("200").get("headers").has("X-Error-Code")).isFalse();
		assertThat(engage.get("400").get("headers").has("X-Error-Code")).isTrue();
		assertThat(engage.get("401").get("headers").has("X-Request-Id")).isTrue();
		assertThat(paths.has("/admin/api/partners/{partnerId}/webhook-endpoints")).isTrue();
		assertThat(paths.has("/admin/api/webhook-deliveries/{id}/retry")).isTrue();
	}

	@Test
	void servesSwaggerUi() {
		Http.Answer answer = this.http.get("/swagger-ui.html").send();
		assertThat(answer.status()).isIn(200, 302);
		if (answer.status() == 302) {
			String location = answer.header("Location");
			assertThat(location).contains("/swagger-ui/index.html");
			String path = location.startsWith("http") ? location.substring(location.indexOf('/', 8)) : location;
			Http.Answer page = this.http.get(path).send();
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.header("Content-Type")).startsWith("text/html");
			assertThat(page.body()).containsIgnoringCase("swagger");
		}
	}

	@Test
	void answersUnknownAdminRoutesInJson() {
		for (String path : new String[] { "/admin/api/no-such-thing", "/admin/api/partners/1/no-such-thing",
				"/admin/api" }) {
			Http.Answer answer = this.http.get(path).admin().send();
			assertThat(answer.status()).as(path).isEqualTo(404);
			assertThat(answer.header("Content-Type")).startsWith("application/json");
			assertThat(answer.errorMsg()).isEqualTo("No endpoint GET " + path);
		}
		Http.Answer post = this.http.post("/admin/api/no-such-thing").admin().json("{}").send();
		assertThat(post.status()).isEqualTo(404);
		assertThat(post.errorMsg()).isEqualTo("No endpoint POST /admin/api/no-such-thing");

		Http.Answer wrongMethod = this.http.call("DELETE", "/admin/api/partners").admin().send();
		assertThat(wrongMethod.status()).isEqualTo(405);
		assertThat(wrongMethod.header("Content-Type")).startsWith("application/json");
		assertThat(wrongMethod.errorMsg()).startsWith("Method DELETE is not allowed on /admin/api/partners");
	}

	@Test
	void answersUnknownPartnerRoutesInJsonOnceAuthenticated() {
		long partner = this.fixtures.partner("Ops " + UUID.randomUUID());
		String key = this.fixtures.apiKey(partner).key();
		Http.Answer answer = this.http.get("/smart-engage/no-such-thing").apiKey(key).send();
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.header("Content-Type")).startsWith("application/json");
		assertThat(answer.errorMsg()).isEqualTo("No endpoint GET /smart-engage/no-such-thing");

		Http.Answer anonymous = this.http.get("/smart-engage/no-such-thing").send();
		assertThat(anonymous.status()).as("authentication comes first").isEqualTo(401);
		assertThat(anonymous.errorMsg()).isEqualTo("API-KEY is invalid");
	}

	@Test
	void answersUnknownRoutesElsewhereWithAnHtmlPage() {
		for (String accept : new String[] { "text/html", "application/json", "*/*" }) {
			// Dashboard paths send a visitor without a session to the login page first; a
			// logged-in operator's unknown page is in DashboardPagesIntegrationTests.
			for (String path : new String[] { "/no-such-page", "/s/", "/c/" }) {
				Http.Answer answer = this.http.get(path).header("Accept", accept).send();
				assertThat(answer.status()).as(path + " " + accept).isEqualTo(404);
				assertThat(answer.header("Content-Type")).as(path).startsWith("text/html");
				assertThat(answer.body()).startsWith("<!DOCTYPE html>")
					.contains("<title>")
					.doesNotContain("Whitelabel Error Page")
					.doesNotContain("Exception")
					.doesNotContain("There was an unexpected error");
			}
		}
		Http.Answer post = this.http.post("/no-such-page").json("{}").send();
		assertThat(post.status()).isEqualTo(404);
		assertThat(post.header("Content-Type")).startsWith("text/html");

		Http.Answer wrongMethod = this.http.call("DELETE", "/s/anything").send();
		assertThat(wrongMethod.status()).isEqualTo(405);
		assertThat(wrongMethod.header("Content-Type")).startsWith("text/html");
		assertThat(wrongMethod.body()).doesNotContain("Whitelabel");
	}

	private static Pattern timerLine(String uri) {
		return Pattern.compile("http_server_requests_seconds_count\\{[^}]*uri=\"" + Pattern.quote(uri) + "\"[^}]*\\} ");
	}

}
