package com.smartengage.partner;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.ServerTests;

import static com.smartengage.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * API keys of both modes through the admin API: live by default (no body, as before),
 * test on request, the mode shown wherever a key is.
 */
@IntegrationTest
class SandboxApiKeysIntegrationTests extends ServerTests {

	long partner;

	@BeforeEach
	void setUp() {
		this.partner = this.fixtures.partner("Keys " + UUID.randomUUID());
	}

	@Test
	void aKeyMadeWithoutABodyIsLiveAsBefore() {
		Http.Answer answer = this.http.post(keys()).admin().send();

		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		JsonNode key = answer.json();
		assertThat(key.get("api_key").asString()).startsWith("se_").doesNotStartWith("se_test_");
		assertThat(key.get("mode").asString()).isEqualTo("live");
		assertThat(key.get("partner_id").asLong()).isEqualTo(this.partner);
		for (String body : new String[] { "{}", "{\"mode\": null}", "{\"mode\": \"live\"}" }) {
			Http.Answer other = this.http.post(keys()).admin().json(body).send();
			assertThat(other.status()).as(body + " " + other).isEqualTo(201);
			assertThat(other.json().get("mode").asString()).isEqualTo("live");
		}
	}

	@Test
	void aTestKeyStartsWithItsPrefixAndShowsItsModeEverywhere() {
		Http.Answer answer = this.http.post(keys()).admin().json("{\"mode\": \"test\"}").send();

		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		String key = answer.json().get("api_key").asString();
		long id = answer.json().get("id").asLong();
		assertThat(key).matches("se_test_[A-Za-z0-9_-]{43}");
		assertThat(answer.json().get("mode").asString()).isEqualTo("test");

		JsonNode one = this.http.get("/admin/api/api-keys/" + id).admin().send().json();
		assertThat(one.get("mode").asString()).isEqualTo("test");
		assertThat(one.get("key_prefix").asString()).isEqualTo(key.substring(0, 15));
		assertThat(one.toString()).doesNotContain(key);
		JsonNode listed = this.http.get(keys()).admin().send().json();
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).get("mode").asString()).isEqualTo("test");
		assertThat(listed.get(0).get("active").asBoolean()).isTrue();
	}

	@Test
	void listingsTellLiveKeysFromTestKeys() {
		long live = this.fixtures.apiKey(this.partner).id();
		long test = this.fixtures.testKey(this.partner).id();

		JsonNode listed = this.http.get(keys()).admin().send().json();

		assertThat(listed).hasSize(2);
		assertThat(listed.get(0).get("id").asLong()).isEqualTo(live);
		assertThat(listed.get(0).get("mode").asString()).isEqualTo("live");
		assertThat(listed.get(0).get("key_prefix").asString()).matches("se_[A-Za-z0-9_-]{7}");
		assertThat(listed.get(1).get("id").asLong()).isEqualTo(test);
		assertThat(listed.get(1).get("mode").asString()).isEqualTo("test");
	}

	@Test
	void aModeOtherThanLiveOrTestIsRefusedAndMakesNoKey() {
		for (String mode : new String[] { "\"TEST\"", "\"sandbox\"", "\"\"", "\" test\"" }) {
			Http.Answer answer = this.http.post(keys()).admin().json("{\"mode\": " + mode + "}").send();
			assertThat(answer.status()).as(mode + " " + answer).isEqualTo(400);
			assertThat(answer.errorMsg()).startsWith("mode must be \"live\" or \"test\", not ");
			assertThat(answer.header("X-Error-Code")).isEqualTo("invalid_request");
		}
		assertError(this.http.post(keys()).admin().json("{\"mode\": ").send(), 400,
				"Request body is not valid JSON of the expected shape");
		assertThat(this.http.get(keys()).admin().send().json()).isEmpty();
	}

	@Test
	void aRevokedTestKeyStopsAtOnce() {
		long campaign = this.fixtures.campaign(this.partner, 1);
		var key = this.fixtures.testKey(this.partner);
		assertThat(this.fixtures.sandboxScan(key.key(), campaign).status()).isEqualTo(200);

		assertThat(this.http.call("DELETE", "/admin/api/api-keys/" + key.id()).admin().send().status()).isEqualTo(204);

		assertError(this.fixtures.sandboxScan(key.key(), campaign), 401, "API-KEY is invalid");
	}

	private String keys() {
		return "/admin/api/partners/" + this.partner + "/api-keys";
	}

}
