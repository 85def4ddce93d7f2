package com.smartengage.analytics;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.smartengage.common.SqlTime;

/** Read-only SQL behind the funnel. */
@Repository
class FunnelRepository {

	private static final String SESSIONS = """
			SELECT s.id, s.step_index, s.status, s.coupon_issued_at, c.redeemed_at
			FROM journey_session s LEFT JOIN coupon c ON c.session_id = s.id
			WHERE s.campaign_id = :campaignId AND s.created_at >= :from AND s.created_at < :to
			  AND (:screenId IS NULL OR s.screen_id = :screenId)
			""";

	private static final String EVENTS = """
			SELECT e.session_id, e.step, e.seconds_from_scan
			FROM journey_event e JOIN journey_session s ON s.id = e.session_id
			WHERE e.campaign_id = :campaignId AND s.created_at >= :from AND s.created_at < :to
			  AND (:screenId IS NULL OR s.screen_id = :screenId)
			""";

	private final JdbcClient jdbc;

	FunnelRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void sessions(long campaignId, Instant from, Instant to, Long screenId, Consumer<SessionRow> each) {
		this.jdbc.sql(SESSIONS)
			.param("campaignId", campaignId)
			.param("from", SqlTime.param(from))
			.param("to", SqlTime.param(to))
			.param("screenId", screenId, java.sql.Types.BIGINT)
			.query((ResultSet rs) -> {
				each.accept(
						new SessionRow(rs.getObject("id", UUID.class), rs.getInt("step_index"), rs.getString("status"),
								rs.getObject("coupon_issued_at") != null, rs.getObject("redeemed_at") != null));
			});
	}

	void events(long campaignId, Instant from, Instant to, Long screenId, Consumer<EventRow> each) {
		this.jdbc.sql(EVENTS)
			.param("campaignId", campaignId)
			.param("from", SqlTime.param(from))
			.param("to", SqlTime.param(to))
			.param("screenId", screenId, java.sql.Types.BIGINT)
			.query((ResultSet rs) -> {
				each.accept(new EventRow(rs.getObject("session_id", UUID.class), rs.getString("step"),
						rs.getLong("seconds_from_scan")));
			});
	}

	record SessionRow(UUID id, int stepIndex, String status, boolean couponIssued, boolean redeemed) {
	}

	record EventRow(UUID sessionId, String step, long secondsFromScan) {
	}

}
