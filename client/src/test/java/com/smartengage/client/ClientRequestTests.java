package com.smartengage.client;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.smartengage.client.support.ScriptedServer;
import com.smartengage.client.support.ScriptedServer.Answer;
import com.smartengage.client.support.ScriptedServer.Received;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What each call sends (path, headers, JSON body, as the contract has them) and how it
 * reads the answer, against a local server that answers as scripted.
 */
class ClientRequestTests {

	@Test
	void aStatusUpdatePostsTheContractsBodyWithTheKeyAndAJsonContentType() {
		try (ScriptedServer server = new ScriptedServer(
				Answer.json(200, "{\"message\": \"Status updated successfully\"}"))) {
			StatusUpdated updated = client(server.baseUrl()).updateSessionStatus("8960569d", "FORM_REVIEWING");

			assertThat(updated.message()).isEqualTo("Status updated successfully");
			Received request = only(server);
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.path()).isEqualTo("/smart-engage/post/update-session-status");
			assertThat(request.header("API-KEY")).isEqualTo("se_key");
			assertThat(request.header("Content-Type")).isEqualTo("application/json");
			assertThat(request.header("User-Agent")).startsWith("smart-engage-java/");
			assertThat(request.body()).isEqualTo("{\"session_id\":\"8960569d\",\"new_status\":\"FORM_REVIEWING\"}");
		}
	}

	@Test
	void aCouponIssuePostsAnEmptyObjectToTheSessionsPathEncoded() {
		try (ScriptedServer server = new ScriptedServer(Answer.json(200,
				"{\"message\":\"success\",\"coupon_code\":\"C0DE\",\"coupon_url\":\"http://localhost:8080/c/t0k\","
						+ "\"expires_at\":\"2026-12-30T10:00:00.123Z\",\"session_id\":\"a b/c\"}"))) {
			IssuedCoupon coupon = client(server.baseUrl()).issueCoupon("a b/c");

			assertThat(coupon).isEqualTo(new IssuedCoupon("C0DE", URI.create("http://localhost:8080/c/t0k"),
					Instant.parse("2026-12-30T10:00:00.123Z"), "a b/c"));
			assertThat(only(server).path()).isEqualTo("/smart-engage/post/engage-v3/a%20b%2Fc");
			assertThat(only(server).body()).isEqualTo("{}");
		}
	}

	@Test
	void aRedemptionPostsTheCode() {
		try (ScriptedServer server = new ScriptedServer(Answer.json(200, "{\"message\":\"success\","
				+ "\"coupon_code\":\"C0DE\",\"redeemed_at\":\"2026-11-30T10:00:00Z\",\"session_id\":\"s-1\"}"))) {
			RedeemedCoupon redeemed = client(server.baseUrl()).redeemCoupon("C0DE");

			assertThat(redeemed).isEqualTo(new RedeemedCoupon("C0DE", Instant.parse("2026-11-30T10:00:00Z"), "s-1"));
			assertThat(only(server).path()).isEqualTo("/smart-engage/post/redeem-coupon");
			assertThat(only(server).body()).isEqualTo("{\"coupon_code\":\"C0DE\"}");
		}
	}

	@Test
	void aSandboxScanPostsTheCampaignAndReadsTheSession() {
		try (ScriptedServer server = new ScriptedServer(Answer.json(200,
				"{\"session_id\":\"s-9\",\"form_url\":\"https://partner.example.com/form?session_id=s-9\"}"))) {
			SandboxSession sandbox = client(server.baseUrl()).sandboxScan(7);

			assertThat(sandbox)
				.isEqualTo(new SandboxSession("s-9", URI.create("https://partner.example.com/form?session_id=s-9")));
			assertThat(only(server).path()).isEqualTo("/smart-engage/post/sandbox/scan");
			assertThat(only(server).body()).isEqualTo("{\"campaign_id\":7}");
			assertThat(only(server).header("Idempotency-Key")).isNotBlank();
		}
	}

	@Test
	void aSessionIsReadWithItsStepsAndWithoutACoupon() {
		try (ScriptedServer server = new ScriptedServer(Answer.json(200, SessionBodies.WITHOUT_COUPON))) {
			Session session = client(server.baseUrl()).getSession("s-1");

			assertThat(only(server).method()).isEqualTo("GET");
			assertThat(only(server).path()).isEqualTo("/smart-engage/get/session/s-1");
			assertThat(session.campaignId()).isEqualTo(12);
			assertThat(session.screenId()).isEqualTo(3L);
			assertThat(session.ended()).isFalse();
			assertThat(session.steps()).containsExactly(
					new Session.Step("SCANNED", Instant.parse("2026-11-30T09:00:00Z")),
					new Session.Step("FORM_REVIEWING", Instant.parse("2026-11-30T09:01:30.250Z")));
			assertThat(session.coupon()).isNull();
			assertThat(session.issuedCoupon()).isEmpty();
		}
	}

	@Test
	void aSessionIsReadWithItsCouponAndFieldsAddedLaterAreIgnored() {
		try (ScriptedServer server = new ScriptedServer(Answer.json(200, SessionBodies.WITH_COUPON))) {
			Session session = client(server.baseUrl()).getSession("s-2");

			assertThat(session.ended()).isTrue();
			assertThat(session.coupon()).isEqualTo(new Session.Coupon("WGWBGQ9MA3",
					URI.create("https://engage.example.com/c/tok"), Instant.parse("2026-11-30T09:05:00Z"),
					Instant.parse("2026-12-30T09:05:00Z"), Instant.parse("2026-11-30T10:00:00Z")));
			assertThat(session.coupon().redeemed()).isTrue();
		}
	}

	@Test
	void aSuccessThatIsNotTheContractsJsonIsRefusedNamingTheField() {
		try (ScriptedServer server = new ScriptedServer(Answer.json(200, "{\"message\":\"success\"}"),
				Answer.json(200, "<html>captive portal</html>"))) {
			SmartEngageClient client = client(server.baseUrl());

			SmartEngageException missing = catchThrowableOfType(SmartEngageException.class,
					() -> client.issueCoupon("s-1"));
			assertThat(missing.status()).isEqualTo(200);
			assertThat(missing.errorMessage()).endsWith("is not the expected JSON: no coupon_code");
			assertThat(catchThrowableOfType(SmartEngageException.class, () -> client.getSession("s-1")).errorMessage())
				.endsWith("is not the expected JSON: not JSON");
		}
	}

	@Test
	void aBaseUrlKeepsItsPathPrefixWithOrWithoutATrailingSlash() {
		try (ScriptedServer server = new ScriptedServer(Answer.json(200, SessionBodies.WITHOUT_COUPON))) {
			client(URI.create(server.baseUrl() + "/engage/")).getSession("s-1");
			client(URI.create(server.baseUrl() + "/engage")).getSession("s-1");

			assertThat(server.received()).extracting(Received::path)
				.containsOnly("/engage/smart-engage/get/session/s-1");
		}
	}

	@Test
	void theBuilderRefusesWhatCannotWork() {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> SmartEngageClient.builder().apiKey("se_key").build());
		assertThatIllegalArgumentException().isThrownBy(() -> SmartEngageClient.builder().baseUrl("ftp://host"));
		assertThatIllegalArgumentException().isThrownBy(() -> SmartEngageClient.builder().baseUrl("/relative"));
		assertThatIllegalArgumentException().isThrownBy(() -> SmartEngageClient.builder().baseUrl("https://h/?q=1"));
		assertThatIllegalArgumentException().isThrownBy(() -> SmartEngageClient.builder().apiKey(" "));
		assertThatIllegalArgumentException().isThrownBy(() -> SmartEngageClient.builder().maxRetries(-1));
		assertThatIllegalArgumentException().isThrownBy(() -> SmartEngageClient.builder().timeout(Duration.ZERO));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SmartEngageClient.builder().backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
		SmartEngageClient client = client(URI.create("http://127.0.0.1:9"));
		assertThatIllegalArgumentException().isThrownBy(() -> client.issueCoupon(""));
		assertThatIllegalArgumentException().isThrownBy(() -> client.issueCoupon("s-1", "a key with spaces"));
		assertThatIllegalArgumentException().isThrownBy(() -> client.issueCoupon("s-1", "k".repeat(201)));
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> client.getSession(null));
	}

	private static SmartEngageClient client(URI baseUrl) {
		return SmartEngageClient.builder().baseUrl(baseUrl).apiKey("se_key").maxRetries(0).build();
	}

	private static Received only(ScriptedServer server) {
		assertThat(server.received()).hasSize(1);
		return server.received().get(0);
	}

}
