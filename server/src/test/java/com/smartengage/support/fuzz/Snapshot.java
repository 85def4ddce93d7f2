package com.smartengage.support.fuzz;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a rejected request must leave alone: every table's size and the target world's
 * sessions. Two snapshots are equal when nothing of that changed.
 */
public record Snapshot(String counts, List<String> sessions) {

	private static final String COUNTS = """
			SELECT (SELECT COUNT(*) FROM journey_session) AS sessions,
			       (SELECT COUNT(*) FROM journey_event) AS events,
			       (SELECT COUNT(*) FROM coupon WHERE session_id IS NOT NULL) AS issued,
			       (SELECT COUNT(*) FROM coupon WHERE redeemed_at IS NOT NULL) AS redeemed,
			       (SELECT COUNT(*) FROM idempotent_request) AS idempotent,
			       (SELECT COUNT(*) FROM partner) AS partners,
			       (SELECT COUNT(*) FROM api_key WHERE revoked_at IS NULL) AS keys
			""";

	private static final String SESSIONS = """
			SELECT id, status, step_index, ended, coupon_issued_at, updated_at FROM journey_session
			WHERE campaign_id = :campaign ORDER BY id
			""";

	/** The database as it is now. */
	public static Snapshot take(JdbcClient jdbc, Target target) {
		String counts = jdbc.sql(COUNTS)
			.query((rs, row) -> "sessions=" + rs.getLong("sessions") + " events=" + rs.getLong("events") + " issued="
					+ rs.getLong("issued") + " redeemed=" + rs.getLong("redeemed") + " idempotent="
					+ rs.getLong("idempotent") + " partners=" + rs.getLong("partners") + " keys=" + rs.getLong("keys"))
			.single();
		List<String> sessions = jdbc.sql(SESSIONS)
			.param("campaign", target.world().campaignId())
			.query((rs, row) -> rs.getString("id").substring(0, 8) + ":" + rs.getString("status") + ":"
					+ rs.getInt("step_index") + ":" + rs.getBoolean("ended") + ":"
					+ (rs.getString("coupon_issued_at") != null) + ":" + rs.getString("updated_at"))
			.list();
		return new Snapshot(counts, sessions);
	}

	@Override
	public String toString() {
		return this.counts + " " + this.sessions;
	}

}
