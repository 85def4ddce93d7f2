package com.smartengage.coupon;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.ServerTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Codes are text a till types or scans: one spelling each (Unicode NFC), no invisible
 * characters, and an upload that is not UTF-8 is refused where it breaks, never read with
 * replacement characters.
 */
@IntegrationTest
class CouponCodeTextIntegrationTests extends ServerTests {

	@Autowired
	JdbcClient jdbc;

	private static final String COMPOSED = "CAF\u00C9-10";

	private static final String DECOMPOSED = "CAFE\u0301-10";

	@Test
	void theComposedAndDecomposedSpellingsOfACodeAreOneCode() {
		Fixtures.World world = this.fixtures.world(0);
		Http.Answer imported = importJson(world.campaignId(),
				"[" + Http.JSON.writeValueAsString(COMPOSED) + ", " + Http.JSON.writeValueAsString(DECOMPOSED) + "]");
		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		assertThat(imported.json().get("imported").asInt()).isEqualTo(1);
		assertThat(imported.json().get("duplicates").asInt()).isEqualTo(1);
		Http.Answer again = importCsv(world.campaignId(),
				("code\n" + DECOMPOSED + "\n").getBytes(StandardCharsets.UTF_8));
		assertThat(again.json().get("imported").asInt()).isZero();

		String session = this.fixtures.approvedSession(world);
		Http.Answer engage = this.fixtures.engage(world.apiKey(), session);
		assertThat(engage.status()).as(engage.toString()).isEqualTo(200);
		assertThat(engage.json().get("coupon_code").asString()).isEqualTo(COMPOSED);
		// The till types the other spelling: still the same coupon.
		Http.Answer redeem = this.http.post("/smart-engage/post/redeem-coupon")
			.apiKey(world.apiKey())
			.json("{\"coupon_code\": " + Http.JSON.writeValueAsString(DECOMPOSED) + "}")
			.send();
		assertThat(redeem.status()).as(redeem.toString()).isEqualTo(200);
		assertThat(redeem.json().get("coupon_code").asString()).isEqualTo(COMPOSED);
	}

	@Test
	void aCodeStoredDecomposedBeforeImportsWereNormalizedStillRedeemsAsTyped() {
		Fixtures.World world = this.fixtures.world(1);
		String session = this.fixtures.approvedSession(world);
		String issued = this.fixtures.engage(world.apiKey(), session).json().get("coupon_code").asString();
		// As an import before this release could have stored it.
		this.jdbc.sql("UPDATE coupon SET code = :code WHERE campaign_id = :campaign")
			.param("code", DECOMPOSED)
			.param("campaign", world.campaignId())
			.update();
		assertThat(issued).isNotEqualTo(DECOMPOSED);
		Http.Answer redeem = this.http.post("/smart-engage/post/redeem-coupon")
			.apiKey(world.apiKey())
			.json("{\"coupon_code\": " + Http.JSON.writeValueAsString(DECOMPOSED) + "}")
			.send();
		assertThat(redeem.status()).as(redeem.toString()).isEqualTo(200);
	}

	@Test
	void aCsvThatIsNotUtf8IsRefusedWithTheLineItBreaksOn() {
		Fixtures.World world = this.fixtures.world(0);
		ByteArrayOutputStream csv = new ByteArrayOutputStream();
		csv.writeBytes("code\r\nGOOD-1\r\nGOOD-2\r\n".getBytes(StandardCharsets.UTF_8));
		// "CAFÉ" saved as Latin-1: É is the single byte 0xC9, not UTF-8.
		csv.writeBytes(new byte[] { 'C', 'A', 'F', (byte) 0xC9, '\r', '\n' });
		csv.writeBytes("GOOD-3\r\n".getBytes(StandardCharsets.UTF_8));
		Http.Answer answer = importCsv(world.campaignId(), csv.toByteArray());
		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.errorMsg())
			.isEqualTo("Line 4 of the CSV is not valid UTF-8; save the file as UTF-8 and upload it again");
		assertThat(this.http.get("/admin/api/campaigns/" + world.campaignId()).admin().send().body())
			.as("nothing of a refused file is imported")
			.contains("\"total\":0");

		Http.Answer good = importCsv(world.campaignId(),
				"code\r\nGOOD-1\rGOOD-2\nCAF\u00C9\r\n".getBytes(StandardCharsets.UTF_8));
		assertThat(good.status()).as(good.toString()).isEqualTo(200);
		assertThat(good.json().get("imported").asInt()).isEqualTo(3);
	}

	@Test
	void codesWithInvisibleOrTextDirectionCharactersAreRefused() {
		Fixtures.World world = this.fixtures.world(0);
		for (String code : new String[] { "AB\u200BCD", "\u202EDC-BA", "AB\uFEFFCD", "AB\u200DCD", "AB\u2066CD" }) {
			Http.Answer answer = importJson(world.campaignId(), "[" + Http.JSON.writeValueAsString(code) + "]");
			assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
			assertThat(answer.errorMsg()).contains("invisible or text-direction characters");
		}
	}

	private Http.Answer importJson(long campaignId, String json) {
		return this.http.post("/admin/api/campaigns/" + campaignId + "/coupon-codes").admin().json(json).send();
	}

	private Http.Answer importCsv(long campaignId, byte[] csv) {
		return this.http.post("/admin/api/campaigns/" + campaignId + "/coupon-codes")
			.admin()
			.header("Content-Type", "text/csv")
			.body(csv)
			.send();
	}

}
