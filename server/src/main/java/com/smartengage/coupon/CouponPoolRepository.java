package com.smartengage.coupon;

import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.smartengage.campaign.CampaignView;

/** SQL that fills a campaign's coupon pool and counts it. */
@Repository
class CouponPoolRepository {

	private static final String INSERT_CODE = """
			INSERT INTO coupon (campaign_id, free_campaign_id, partner_id, code) VALUES (?, ?, ?, ?)
			ON CONFLICT DO NOTHING
			""";

	private static final String POOL_STATS = """
			SELECT COUNT(*) AS total,
			       COUNT(session_id) AS issued,
			       COUNT(redeemed_at) AS redeemed
			FROM coupon WHERE campaign_id = :campaignId
			""";

	private static final String POOL_STATS_BY_CAMPAIGN = """
			SELECT campaign_id,
			       COUNT(*) AS total,
			       COUNT(session_id) AS issued,
			       COUNT(redeemed_at) AS redeemed
			FROM coupon GROUP BY campaign_id
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
			// Free in its own campaign's pool (see CouponRepository's claim).
			ps.setLong(2, campaignId);
			ps.setLong(3, partnerId);
			ps.setString(4, code);
		});
		boolean[] inserted = new boolean[codes.size()];
		int i = 0;
		for (int[] batch : counts) {
			for (int count : batch) {
				// Per-row counts: the PostgreSQL driver reports them as long as
				// reWriteBatchedInserts is off.
				inserted[i++] = count > 0;
			}
		}
		return inserted;
	}

	Map<Long, CampaignView.Coupons> countAll() {
		Map<Long, CampaignView.Coupons> stats = new HashMap<>();
		this.jdbc.sql(POOL_STATS_BY_CAMPAIGN).query((ResultSet rs) -> {
			stats.put(rs.getLong("campaign_id"),
					CampaignView.Coupons.counted(rs.getLong("total"), rs.getLong("issued"), rs.getLong("redeemed")));
		});
		return stats;
	}

	CampaignView.Coupons count(long campaignId) {
		return this.jdbc.sql(POOL_STATS)
			.param("campaignId", campaignId)
			.query((rs, row) -> CampaignView.Coupons.counted(rs.getLong("total"), rs.getLong("issued"),
					rs.getLong("redeemed")))
			.single();
	}

}
