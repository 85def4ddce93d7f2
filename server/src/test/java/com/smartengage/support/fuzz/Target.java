package com.smartengage.support.fuzz;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner world under attack: real sessions, coupon codes and slugs for the hostile
 * requests to aim at or near, and a second partner's key.
 *
 * @param world the partner whose key most attacks carry
 * @param otherKey another partner's key
 * @param sessions session ids, the world's and one of the other partner's
 * @param codes the world's coupon codes
 * @param slugs placement slugs of both partners
 */
public record Target(Fixtures.World world, String otherKey, List<String> sessions, List<String> codes,
		List<String> slugs) {

	/**
	 * A partner with sessions at every stage, a coupon issued, and a second partner's
	 * key.
	 */
	public static Target build(Fixtures fixtures, JdbcClient jdbc) {
		Fixtures.World world = fixtures.world(3);
		Fixtures.World other = fixtures.world(1);
		String scanned = fixtures.scan(world.slug());
		String submitted = fixtures.scan(world.slug());
		assertThat(fixtures.updateStatus(world.apiKey(), submitted, "FORM_SUBMITTED").status()).isEqualTo(200);
		String approved = fixtures.approvedSession(world);
		String rewarded = fixtures.approvedSession(world);
		Http.Answer issued = fixtures.engage(world.apiKey(), rewarded);
		assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
		String otherSession = fixtures.approvedSession(other);
		List<String> codes = jdbc.sql("SELECT code FROM coupon WHERE campaign_id = :campaign ORDER BY id")
			.param("campaign", world.campaignId())
			.query(String.class)
			.list();
		return new Target(world, other.apiKey(), List.of(scanned, submitted, approved, rewarded, otherSession), codes,
				List.of(world.slug(), other.slug()));
	}

}
