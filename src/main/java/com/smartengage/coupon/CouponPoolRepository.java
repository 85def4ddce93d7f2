package com.smartengage.coupon;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL that fills a campaign's coupon pool and counts it. */
@Repository
class CouponPoolRepository {

	private static final String INSERT_CODE = """
			INSERT INTO coupon (campaign_id, partner_id, code) VALUES (?, ?, ?) ON CONFLICT DO NOTHING
			""";

	private static final String POOL_STATS = """
			SELECT COUNT(*) AS total,
			       COUNT(session_id) AS issued,
			       COUNT(redeemed_at) AS redeemed
			FROM coupon WHERE campaign_id = :campaignId
			""";

	private final JdbcTemplate jdbcTemplate;

	private final JdbcClient jdbc;

	CouponPoolRepository(JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
		this.jdbcTemplate = jdbcTemplate;
		this.jdbc = jdbc;
	}

	/**
	 * Inserts the codes, skipping any the partner already has; answers, per code, whether
	 * it was inserted.
	 */
	boolean[] insertCodes(long campaignId, long partnerId, List<String> codes) {
		int[][] counts = this.jdbcTemplate.batchUpdate(INSERT_CODE, codes, 1000, (ps, code) -> {
			ps.setLong(1, campaignId);
			ps.setLong(2, partnerId);
			ps.setString(3, code);
		});
		boolean[] inserted = new boolean[codes.size()];
		int i = 0;
		for (int[] batch : counts) {
			for (int count : batch) {
				inserted[i++] = count != 0;
			}
		}
		return inserted;
	}

	PoolStats stats(long campaignId) {
		return this.jdbc.sql(POOL_STATS)
			.param("campaignId", campaignId)
			.query((rs, row) -> new PoolStats(rs.getLong("total"), rs.getLong("issued"), rs.getLong("redeemed")))
			.single();
	}

}
