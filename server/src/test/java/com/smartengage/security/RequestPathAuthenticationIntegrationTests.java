package com.smartengage.security;

import org.junit.jupiter.api.Test;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.ServerTests;

import static com.smartengage.support.ApiAssertions.INVALID_KEY;
import static com.smartengage.support.ApiAssertions.UPDATED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both APIs authenticate every request that reaches them, however its path is spelled:
 * path parameters ({@code ;x}), percent-encoded letters and doubled slashes route to the
 * same controllers, so they must meet the same check.
 */
@IntegrationTest
class RequestPathAuthenticationIntegrationTests extends ServerTests {

	static final String ADMIN_REFUSED = "{\"error_msg\":"
			+ "\"Authorization header must be 'Bearer <admin token>' with a valid token\"}";

	@Test
	void theAdminApiNeedsTheTokenOnEverySpellingOfItsPaths() {
		for (String path : new String[] { "/admin/api/partners", "/admin;x/api/partners", "/admin/api;x/partners",
				"/admin;/api/partners", "/admin/api/partners;x", "/%61dmin/api/partners", "/admin/%61pi/partners",
				"//admin/api/partners", "/admin//api/partners" }) {
			Http.Answer answer = this.http.get(path).send();
			assertThat(answer.status()).as(path + " " + answer).isEqualTo(401);
			assertThat(answer.body()).as(path).isEqualTo(ADMIN_REFUSED);
		}
	}

	@Test
	void noOneMintsAnApiKeyWithoutTheAdminToken() {
		long partner = this.fixtures.partner("Guarded");

		for (String path : new String[] { "/admin;x/api/partners/" + partner + "/api-keys",
				"/%61dmin/api/partners/" + partner + "/api-keys", "/admin/api/partners;x/" + partner + "/api-keys" }) {
			Http.Answer answer = this.http.post(path).send();
			assertThat(answer.status()).as(path + " " + answer).isEqualTo(401);
			assertThat(answer.body()).isEqualTo(ADMIN_REFUSED);
		}
		Http.Answer keys = this.http.get("/admin/api/partners/" + partner + "/api-keys").admin().send();
		assertThat(keys.status()).isEqualTo(200);
		assertThat(keys.json().size()).isZero();
		Http.Answer created = this.http.post("/admin;x/api/partners").json("{\"name\": \"Intruder\"}").send();
		assertThat(created.status()).isEqualTo(401);
	}

	@Test
	void thePartnerApiNeedsTheKeyOnEverySpellingOfItsPaths() {
		Fixtures.World world = this.fixtures.world(1);
		String session = this.fixtures.scan(world.slug());

		for (String path : new String[] { "/smart-engage;x=1/get/session/" + session,
				"/smart-engage/get;x/session/" + session, "/%73mart-engage/get/session/" + session,
				"//smart-engage/get/session/" + session }) {
			Http.Answer answer = this.http.get(path).send();
			assertThat(answer.status()).as(path + " " + answer).isEqualTo(401);
			assertThat(answer.body()).isEqualTo(INVALID_KEY);
		}
		Http.Answer update = this.http.post("/smart-engage;x=1/post/update-session-status")
			.json("{\"session_id\": \"" + session + "\", \"new_status\": \"FORM_APPROVED\"}")
			.send();
		assertThat(update.status()).as(update.toString()).isEqualTo(401);
		assertThat(update.body()).isEqualTo(INVALID_KEY);
	}

	@Test
	void thePartnerApiServesItsOwnPartnerOnSuchPathsToo() {
		Fixtures.World world = this.fixtures.world(1);
		String session = this.fixtures.scan(world.slug());

		Http.Answer update = this.http.post("/smart-engage;x=1/post/update-session-status")
			.apiKey(world.apiKey())
			.json("{\"session_id\": \"" + session + "\", \"new_status\": \"FORM_APPROVED\"}")
			.send();
		Http.Answer view = this.http.get("/%73mart-engage/get/session/" + session).apiKey(world.apiKey()).send();

		assertThat(update.status()).as(update.toString()).isEqualTo(200);
		assertThat(update.body()).isEqualTo(UPDATED);
		assertThat(view.status()).as(view.toString()).isEqualTo(200);
		assertThat(view.json().get("status").asString()).isEqualTo("FORM_APPROVED");
	}

}
