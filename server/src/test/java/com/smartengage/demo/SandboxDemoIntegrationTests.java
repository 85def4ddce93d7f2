package com.smartengage.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import com.smartengage.support.DatabaseAvailableExtension;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.OwnDatabase;
import com.smartengage.support.ServerProcess;
import com.smartengage.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --demo} prints a test key beside the live one, and the README's sandbox
 * walkthrough works with what it prints: the packaged server, started as the README says,
 * on a database of its own.
 */
@ExtendWith(DatabaseAvailableExtension.class)
class SandboxDemoIntegrationTests {

	private static final Pattern EXPORT = Pattern.compile("export ([A-Z_]+)=(\\S+)");

	@Test
	void theDemoPrintsATestKeyAndItsSandboxWalkthroughWorks() throws InterruptedException {
		try (OwnDatabase database = OwnDatabase.create("se_sandbox_demo");
				ServerProcess server = ServerProcess.start("sandbox-demo-" + TestDatabase.KIND, 0,
						IntegrationTest.ADMIN_TOKEN, withDemo(database))) {
			server.awaitHealthy(Duration.ofSeconds(120));
			Map<String, String> printed = exports(server);
			assertThat(printed.get("API_KEY")).startsWith("se_").doesNotStartWith("se_test_");
			assertThat(printed.get("TEST_API_KEY")).startsWith("se_test_");
			assertThat(server.logText()).contains("/smart-engage/post/sandbox/scan");
			Http http = new Http(server.port());
			String testKey = printed.get("TEST_API_KEY");
			String campaign = printed.get("CAMPAIGN_ID");

			Http.Answer scan = http.post("/smart-engage/post/sandbox/scan")
				.apiKey(testKey)
				.json("{\"campaign_id\": " + campaign + "}")
				.send();
			assertThat(scan.status()).as(scan.toString()).isEqualTo(200);
			String session = scan.json().get("session_id").asString();
			assertThat(scan.json().get("form_url").asString())
				.isEqualTo("https://example.com/demo-form?lang=en&session_id=" + session + "#start");
			for (String step : new String[] { "FORM_REVIEWING", "FORM_APPROVED" }) {
				Http.Answer updated = http.post("/smart-engage/post/update-session-status")
					.apiKey(testKey)
					.json("{\"session_id\": \"" + session + "\", \"new_status\": \"" + step + "\"}")
					.send();
				assertThat(updated.body()).isEqualTo("{\"message\":\"Status updated successfully\"}");
			}
			Http.Answer issued = http.post("/smart-engage/post/engage-v3/" + session)
				.apiKey(testKey)
				.header("Content-Type", "application/json")
				.send();
			assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
			String code = issued.json().get("coupon_code").asString();
			assertThat(code).startsWith("TEST-");
			JsonNode view = http.get("/smart-engage/get/session/" + session).apiKey(testKey).send().json();
			assertThat(view.get("coupon").get("coupon_code").asString()).isEqualTo(code);
			Http.Answer redeemed = http.post("/smart-engage/post/redeem-coupon")
				.apiKey(testKey)
				.json("{\"coupon_code\": \"" + code + "\"}")
				.send();
			assertThat(redeemed.status()).as(redeemed.toString()).isEqualTo(200);

			Http.Answer live = http.post("/smart-engage/post/sandbox/scan")
				.apiKey(printed.get("API_KEY"))
				.json("{\"campaign_id\": " + campaign + "}")
				.send();
			assertThat(live.status()).isEqualTo(403);
			assertThat(http.get("/admin/api/campaigns/" + campaign).admin().send().json().get("coupons").toString())
				.contains("\"issued\":0");
		}
	}

	private static java.util.List<String> withDemo(OwnDatabase database) {
		java.util.List<String> arguments = new java.util.ArrayList<>(database.serverArguments());
		arguments.add("--demo");
		return arguments;
	}

	/** The variables the demo printed, once it has printed them all. */
	private static Map<String, String> exports(ServerProcess server) throws InterruptedException {
		Instant deadline = Instant.now().plusSeconds(60);
		while (!server.logText().contains("export CAMPAIGN_ID=") && Instant.now().isBefore(deadline)) {
			Thread.sleep(200);
		}
		Map<String, String> printed = new HashMap<>();
		Matcher matcher = EXPORT.matcher(server.logText());
		while (matcher.find()) {
			printed.put(matcher.group(1), matcher.group(2));
		}
		assertThat(printed).as(server.logTail(40)).containsKeys("BASE", "API_KEY", "TEST_API_KEY", "CAMPAIGN_ID");
		return printed;
	}

}
