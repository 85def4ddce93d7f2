package com.smartengage.partner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.ServerTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin API for partners and their API keys, over real HTTP, down to what the
 * database holds.
 */
@IntegrationTest
class PartnerApiIntegrationTests extends ServerTests {

	private static final String ADMIN_REFUSED = "Authorization header must be 'Bearer <admin token>' "
			+ "with a valid token";

	@Autowired
	JdbcClient jdbc;

	@Test
	void refusesAdminCallsWithoutTheToken() {
		String name = "Nobody " + UUID.randomUUID();
		for (Http.Call call : List.of(this.http.get("/admin/api/partners"),
				this.http.post("/admin/api/partners").json("{\"name\": \"" + name + "\"}"),
				this.http.post("/admin/api/partners/1/api-keys"), this.http.call("DELETE", "/admin/api/api-keys/1"),
				this.http.get("/admin/api/campaigns"), this.http.get("/admin/api/no-such-route"))) {
			Http.Answer answer = call.send();
			assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
			assertThat(answer.header("Content-Type")).startsWith("application/json");
			assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
			assertThat(answer.errorMsg()).isEqualTo(ADMIN_REFUSED);
		}
		assertThat(partnerNames()).doesNotContain(name);
	}

	@ParameterizedTest(name = "Authorization: {0}")
	@ValueSource(strings = { "Bearer wrong-token-4b1d", "Bearer " + IntegrationTest.ADMIN_TOKEN + "x",
			"Bearer " + IntegrationTest.ADMIN_TOKEN + IntegrationTest.ADMIN_TOKEN,
			"Bearer test-admin-token-0123456789abcdeF", "Basic " + IntegrationTest.ADMIN_TOKEN,
			IntegrationTest.ADMIN_TOKEN, "Bearer", "Bearer ", "Bearer\t" + IntegrationTest.ADMIN_TOKEN })
	void refusesAWrongTokenWithoutEchoingIt(String authorization) {
		Http.Answer answer = this.http.get("/admin/api/partners").header("Authorization", authorization).send();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
		assertThat(answer.errorMsg()).isEqualTo(ADMIN_REFUSED);
		assertThat(answer.body()).doesNotContain(IntegrationTest.ADMIN_TOKEN).doesNotContain("wrong-token-4b1d");
		assertThat(answer.body().toLowerCase(Locale.ROOT))
			.doesNotContain(IntegrationTest.ADMIN_TOKEN.toLowerCase(Locale.ROOT));
	}

	@Test
	void acceptsTheBearerSchemeInAnyCase() {
		Http.Answer answer = this.http.get("/admin/api/partners")
			.header("Authorization", "bearer " + IntegrationTest.ADMIN_TOKEN)
			.send();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
	}

	@Test
	void keepsAdminTokenAndApiKeysApart() {
		long partner = this.fixtures.partner("Keys apart " + UUID.randomUUID());
		String key = this.fixtures.apiKey(partner).key();

		Http.Answer adminAsKey = this.http.get("/smart-engage/get/session/" + UUID.randomUUID())
			.apiKey(IntegrationTest.ADMIN_TOKEN)
			.send();
		assertThat(adminAsKey.status()).isEqualTo(401);
		assertThat(adminAsKey.body()).isEqualTo("{\"error_msg\":\"API-KEY is invalid\"}");

		Http.Answer keyAsAdmin = this.http.get("/admin/api/partners").header("Authorization", "Bearer " + key).send();
		assertThat(keyAsAdmin.status()).isEqualTo(401);
		assertThat(keyAsAdmin.body()).doesNotContain(key);
	}

	@Test
	void createsListsAndGetsPartners() {
		String name = "Coffee & Co " + UUID.randomUUID();
		Http.Answer created = this.http.post("/admin/api/partners")
			.admin()
			.json("{\"name\": \"  " + name + "  \"}")
			.send();
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.header("Content-Type")).startsWith("application/json");
		JsonNode partner = created.json();
		long id = partner.get("id").asLong();
		assertThat(id).isPositive();
		assertThat(partner.get("name").asString()).isEqualTo(name);

		Http.Answer got = this.http.get("/admin/api/partners/" + id).admin().send();
		assertThat(got.status()).isEqualTo(200);
		assertThat(got.json().get("id").asLong()).isEqualTo(id);
		assertThat(got.json().get("name").asString()).isEqualTo(name);
		assertThat(got.json().get("created_at").asString()).isNotBlank();

		Http.Answer list = this.http.get("/admin/api/partners").admin().send();
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().isArray()).isTrue();
		assertThat(list.json()
			.valueStream()
			.filter((p) -> p.get("id").asLong() == id)
			.map((p) -> p.get("name").asString())).containsExactly(name);
	}

	@Test
	void keepsNamesExactlyAsGivenUnicodeAndMarkupIncluded() {
		String name = "ร้านกาแฟ <b>\"Ünïcødé\"</b> ☕ " + UUID.randomUUID();
		long id = this.fixtures.partner(name);
		assertThat(this.http.get("/admin/api/partners/" + id).admin().send().json().get("name").asString())
			.isEqualTo(name);
	}

	@Test
	void answers404ForAnUnknownPartner() {
		Http.Answer answer = this.http.get("/admin/api/partners/987654321").admin().send();
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.errorMsg()).isEqualTo("No partner with id 987654321");

		Http.Answer key = this.http.post("/admin/api/partners/987654321/api-keys").admin().send();
		assertThat(key.status()).isEqualTo(404);
		assertThat(key.errorMsg()).isEqualTo("No partner with id 987654321");

		Http.Answer keys = this.http.get("/admin/api/partners/987654321/api-keys").admin().send();
		assertThat(keys.status()).isEqualTo(404);
	}

	@Test
	void answers400ForAnIdThatIsNotANumber() {
		Http.Answer answer = this.http.get("/admin/api/partners/abc").admin().send();
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.errorMsg()).isEqualTo("id must be a valid long, not abc");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "{}", "{\"name\": null}", "{\"name\": \"\"}", "{\"name\": \"   \"}",
			"{\"name\": \"\\t\\n\"}", "{\"nom\": \"Acme\"}" })
	void refusesAMissingOrBlankName(String body) {
		Http.Answer answer = this.http.post("/admin/api/partners").admin().json(body).send();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.errorMsg()).isEqualTo("name is required");
	}

	@Test
	void refusesAnEmptyBody() {
		Http.Answer answer = this.http.post("/admin/api/partners").admin().json("").send();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.errorMsg()).isEqualTo("Request body must be a JSON object with a name");
	}

	@Test
	void refusesANameLongerThan200Characters() {
		assertThat(this.http.post("/admin/api/partners")
			.admin()
			.json("{\"name\": \"" + "n".repeat(200) + "\"}")
			.send()
			.status()).isEqualTo(201);
		Http.Answer answer = this.http.post("/admin/api/partners")
			.admin()
			.json("{\"name\": \"" + "n".repeat(201) + "\"}")
			.send();
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.errorMsg()).isEqualTo("name must be at most 200 characters");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "{\"name\": ", "{name: \"Acme\"}", "{\"name\": \"Acme\"", "{\"name\": \"Acme\"}}",
			"not json", "{'name': 'Acme'}", "\"Acme\"" })
	void refusesMalformedJson(String body) {
		Http.Answer answer = this.http.post("/admin/api/partners").admin().json(body).send();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.header("Content-Type")).startsWith("application/json");
		assertThat(answer.errorMsg()).isEqualTo("Request body is not valid JSON of the expected shape");
		assertThat(answer.body()).doesNotContain("Exception").doesNotContain("jackson").doesNotContain("\tat ");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "{\"name\": [\"Acme\"]}", "{\"name\": {\"text\": \"Acme\"}}", "[]",
			"[{\"name\": \"Acme\"}]", "42", "true" })
	void refusesWrongTypes(String body) {
		Http.Answer answer = this.http.post("/admin/api/partners").admin().json(body).send();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.errorMsg()).isEqualTo("Request body is not valid JSON of the expected shape");
	}

	@Test
	void refusesABodyThatIsNotJson() {
		Http.Answer answer = this.http.post("/admin/api/partners")
			.admin()
			.header("Content-Type", "text/plain")
			.body("name=Acme")
			.send();
		assertThat(answer.status()).isEqualTo(415);
		assertThat(answer.errorMsg()).startsWith("Content-Type text/plain");
	}

	@Test
	void createsAnApiKeyWithAtLeast128BitsOfRandomness() {
		long partner = this.fixtures.partner("Keys " + UUID.randomUUID());
		Set<String> keys = new HashSet<>();
		for (int i = 0; i < 5; i++) {
			Http.Answer answer = this.http.post("/admin/api/partners/" + partner + "/api-keys").admin().send();
			assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
			JsonNode body = answer.json();
			assertThat(body.get("id").asLong()).isPositive();
			String key = body.get("api_key").asString();
			// "se_" and 43 base64url characters: 258 bits of text, made from 32 random
			// bytes.
			assertThat(key).matches("se_[A-Za-z0-9_-]{43}");
			assertThat(bitsOfText(key.substring(3))).isGreaterThanOrEqualTo(128);
			keys.add(key);
		}
		assertThat(keys).hasSize(5);
		assertThat(keys.stream().map((k) -> k.substring(3, 13)).distinct()).hasSize(5);
	}

	@Test
	void listsKeysByTheirPrefixOnly() {
		long partner = this.fixtures.partner("Prefixes " + UUID.randomUUID());
		Fixtures.ApiKey first = this.fixtures.apiKey(partner);
		Fixtures.ApiKey second = this.fixtures.apiKey(partner);

		Http.Answer answer = this.http.get("/admin/api/partners/" + partner + "/api-keys").admin().send();
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).doesNotContain(first.key()).doesNotContain(second.key()).doesNotContain("api_key");
		List<JsonNode> listed = answer.json().valueStream().toList();
		assertThat(listed).extracting((k) -> k.get("id").asLong()).containsExactly(first.id(), second.id());
		for (int i = 0; i < 2; i++) {
			String key = (i == 0 ? first : second).key();
			String prefix = listed.get(i).get("key_prefix").asString();
			assertThat(key).startsWith(prefix);
			assertThat(prefix.length()).isBetween(4, 12);
			assertThat(listed.get(i).get("partner_id").asLong()).isEqualTo(partner);
			assertThat(listed.get(i).get("active").asBoolean()).isTrue();
			assertThat(listed.get(i).get("revoked_at").isNull()).isTrue();
		}
	}

	@Test
	void storesOnlyTheSha256OfAKey() throws Exception {
		long partner = this.fixtures.partner("Hashes " + UUID.randomUUID());
		Fixtures.ApiKey key = this.fixtures.apiKey(partner);

		Map<String, Object> row = this.jdbc.sql("SELECT * FROM api_key WHERE id = :id")
			.param("id", key.id())
			.query()
			.singleRow();
		String stored = (String) row.entrySet()
			.stream()
			.filter((e) -> e.getKey().equalsIgnoreCase("key_hash"))
			.findFirst()
			.orElseThrow()
			.getValue();
		assertThat(stored).matches("[0-9a-f]{64}");
		String expected = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(key.key().getBytes(StandardCharsets.UTF_8)));
		assertThat(stored).isEqualTo(expected);
		assertThat(row.values()).noneMatch((value) -> value != null && value.toString().contains(key.key()));

		assertThat(textColumnsHolding(key.key())).as("columns holding the key").isEmpty();
		assertThat(textColumnsHolding(key.key().substring(3))).as("columns holding the key's secret part").isEmpty();
	}

	@Test
	void revokedKeyStopsWorkingAtOnce() {
		long partner = this.fixtures.partner("Revoke " + UUID.randomUUID());
		Fixtures.ApiKey key = this.fixtures.apiKey(partner);
		Fixtures.ApiKey other = this.fixtures.apiKey(partner);
		String session = UUID.randomUUID().toString();

		Http.Answer before = this.http.get("/smart-engage/get/session/" + session).apiKey(key.key()).send();
		assertThat(before.status()).as(before.toString()).isEqualTo(404);
		assertThat(before.errorMsg()).isEqualTo("No record with session_id: " + session);

		Http.Answer revoked = this.http.call("DELETE", "/admin/api/api-keys/" + key.id()).admin().send();
		assertThat(revoked.status()).as(revoked.toString()).isEqualTo(204);
		assertThat(revoked.body()).isEmpty();

		Http.Answer after = this.http.get("/smart-engage/get/session/" + session).apiKey(key.key()).send();
		assertThat(after.status()).isEqualTo(401);
		assertThat(after.body()).isEqualTo("{\"error_msg\":\"API-KEY is invalid\"}");
		Http.Answer update = this.fixtures.updateStatus(key.key(), session, "FORM_SUBMITTED");
		assertThat(update.status()).isEqualTo(401);
		assertThat(update.errorMsg()).isEqualTo("API-KEY is invalid");
		assertThat(this.fixtures.engage(key.key(), session).status()).isEqualTo(401);

		assertThat(this.http.get("/smart-engage/get/session/" + session).apiKey(other.key()).send().status())
			.as("the partner's other key still works")
			.isEqualTo(404);

		JsonNode listed = this.http.get("/admin/api/partners/" + partner + "/api-keys")
			.admin()
			.send()
			.json()
			.valueStream()
			.filter((k) -> k.get("id").asLong() == key.id())
			.findFirst()
			.orElseThrow();
		assertThat(listed.get("active").asBoolean()).isFalse();
		assertThat(listed.get("revoked_at").asString()).isNotBlank();

		Http.Answer again = this.http.call("DELETE", "/admin/api/api-keys/" + key.id()).admin().send();
		assertThat(again.status()).as("revoking twice is harmless").isEqualTo(204);
	}

	@Test
	void revokingAnUnknownKeyIs404() {
		Http.Answer answer = this.http.call("DELETE", "/admin/api/api-keys/987654321").admin().send();
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.errorMsg()).isEqualTo("No API key with id 987654321");
	}

	@ParameterizedTest(name = "API-KEY: [{0}]")
	@ValueSource(strings = { "", "se_", "se_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "not-a-key" })
	void refusesUnknownKeys(String key) {
		Http.Answer answer = this.http.get("/smart-engage/get/session/" + UUID.randomUUID()).apiKey(key).send();
		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.errorMsg()).isEqualTo("API-KEY is invalid");
	}

	private List<String> partnerNames() {
		return this.http.get("/admin/api/partners")
			.admin()
			.send()
			.json()
			.valueStream()
			.map((p) -> p.get("name").asString())
			.toList();
	}

	/**
	 * Every text column of the schema, as "table.column", that holds the text somewhere.
	 */
	private List<String> textColumnsHolding(String text) {
		List<Map<String, Object>> columns = this.jdbc.sql("""
				SELECT table_name, column_name FROM information_schema.columns
				WHERE LOWER(table_schema) = 'public' AND LOWER(data_type) IN ('character varying', 'text', 'character')
				""").query().listOfRows();
		assertThat(columns).as("text columns found").isNotEmpty();
		String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return columns.stream().map((c) -> value(c, "table_name") + "." + value(c, "column_name")).filter((column) -> {
			String[] parts = column.split("\\.");
			return this.jdbc.sql("SELECT COUNT(*) FROM " + parts[0] + " WHERE " + parts[1] + " LIKE :pattern")
				.param("pattern", pattern)
				.query(Long.class)
				.single() > 0;
		}).toList();
	}

	private static String value(Map<String, Object> row, String column) {
		return row.entrySet()
			.stream()
			.filter((e) -> e.getKey().equalsIgnoreCase(column))
			.map((e) -> String.valueOf(e.getValue()))
			.findFirst()
			.orElseThrow();
	}

	/** How many bits a text of base64url characters can carry. */
	private static int bitsOfText(String text) {
		assertThat(text).matches("[A-Za-z0-9_-]+");
		return text.length() * 6;
	}

}
