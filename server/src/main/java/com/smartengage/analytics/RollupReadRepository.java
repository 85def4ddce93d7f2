package com.smartengage.analytics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.smartengage.analytics.ReadPlan.Cover;
import com.smartengage.analytics.ReadPlan.Range;
import com.smartengage.analytics.ReadPlan.Screens;
import com.smartengage.common.infra.SqlTime;

/**
 * SQL of the analytics reads ({@link AnalyticsService}): sums of the funnel rollup rows a
 * read covers, and the journey events of the scan times the rollups do not hold.
 */
@Repository
class RollupReadRepository {

	/**
	 * The rollup rows a read covers: rows of one grain in one range of period starts, for
	 * each range of the cover that is not empty (see {@link #cover}).
	 */
	private static final String COVER = """
			campaign_id = :campaignId AND screen_id BETWEEN :screenLow AND :screenHigh AND (%s)
			""";

	private static final String COVER_RANGE = "(period_hours = :hours%1$d AND period_start >= :from%1$d "
			+ "AND period_start < :to%1$d)";

	private static final String SUM_COUNTS_BY_SCREEN = """
			SELECT screen_id, stage, SUM(sessions) AS sessions FROM funnel_rollup WHERE %s GROUP BY screen_id, stage
			""";

	private static final String SUM_COUNTS_BY_PERIOD = """
			SELECT period_start, stage, SUM(sessions) AS sessions FROM funnel_rollup WHERE %s
			GROUP BY period_start, stage
			""";

	private static final String SUM_TIMES = """
			SELECT stage, bucket, SUM(sessions) AS sessions FROM funnel_time_rollup WHERE %s GROUP BY stage, bucket
			""";

	private static final String SUM_FAILURES = """
			SELECT screen_id, step, after_stage, SUM(sessions) AS sessions FROM failure_rollup WHERE %s
			GROUP BY screen_id, step, after_stage
			""";

	private static final String EVENTS = """
			SELECT screen_id, scanned_at, step, seconds_from_scan, stage_from, stage_to FROM journey_event
			WHERE campaign_id = :campaignId AND screen_id BETWEEN :screenLow AND :screenHigh AND (%s)
			""";

	private static final String PENDING_EVENTS = """
			SELECT screen_id, scanned_at, step, seconds_from_scan, stage_from, stage_to FROM journey_event
			WHERE rolled_up = FALSE AND campaign_id = :campaignId AND screen_id BETWEEN :screenLow AND :screenHigh
			  AND (%s)
			""";

	/** Scan time ranges per events query, so that its text stays short. */
	private static final int RANGES_PER_QUERY = 50;

	/**
	 * The sessions of many campaigns that passed the stages (stage_from, stage_to],
	 * summed by campaign, in three parts joined by UNION ALL (see
	 * {@link #passedByCampaign}). A rollup row holds the sessions that reached its stage:
	 * they passed (stage - 1, stage].
	 */
	private static final String PASSED_ROLLED_UP = """
			SELECT campaign_id, stage - 1 AS stage_from, stage AS stage_to, SUM(sessions) AS sessions
			FROM funnel_rollup
			WHERE campaign_id IN (:campaignIds) AND screen_id BETWEEN :rolledUpLow AND :rolledUpHigh AND (%s)
			GROUP BY campaign_id, stage
			""";

	/** Events by the stages they passed; failure steps (stage_to -1) pass none. */
	private static final String PASSED_EVENTS = """
			SELECT campaign_id, stage_from, stage_to, COUNT(*) AS sessions FROM journey_event
			WHERE campaign_id IN (:campaignIds) AND screen_id BETWEEN :eventsLow AND :eventsHigh AND stage_to >= 0
			  AND (%s)
			GROUP BY campaign_id, stage_from, stage_to
			""";

	private static final String PASSED_PENDING_EVENTS = """
			SELECT campaign_id, stage_from, stage_to, COUNT(*) AS sessions FROM journey_event
			WHERE rolled_up = FALSE AND campaign_id IN (:campaignIds) AND screen_id BETWEEN :eventsLow AND :eventsHigh
			  AND stage_to >= 0 AND (%s)
			GROUP BY campaign_id, stage_from, stage_to
			""";

	/**
	 * Campaigns per statement of {@link #passedByCampaign}: a few thousand parameters.
	 */
	private static final int CAMPAIGNS_PER_QUERY = 1000;

	private final JdbcClient jdbc;

	RollupReadRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Sums of the covered rows by screen and stage. */
	void countsByScreen(long campaignId, Screens screens, Cover cover, Consumer<CountRow> each) {
		if (cover.isEmpty()) {
			return;
		}
		cover(SUM_COUNTS_BY_SCREEN, campaignId, screens, cover).query((ResultSet rs) -> {
			each.accept(new CountRow(rs.getLong("screen_id"), null, rs.getInt("stage"), rs.getLong("sessions")));
		});
	}

	/** Sums of the covered rows by period start and stage. */
	void countsByPeriod(long campaignId, Screens screens, Cover cover, Consumer<CountRow> each) {
		if (cover.isEmpty()) {
			return;
		}
		cover(SUM_COUNTS_BY_PERIOD, campaignId, screens, cover).query((ResultSet rs) -> {
			each.accept(new CountRow(0, SqlTime.get(rs, "period_start"), rs.getInt("stage"), rs.getLong("sessions")));
		});
	}

	/**
	 * Time buckets of the covered rows of one screen or of every screen together, by
	 * stage.
	 */
	void times(long campaignId, Screens screens, Cover cover, Tally into) {
		if (cover.isEmpty()) {
			return;
		}
		cover(SUM_TIMES, campaignId, screens, cover).query((ResultSet rs) -> {
			into.time(rs.getInt("stage"), rs.getLong("bucket"), rs.getLong("sessions"));
		});
	}

	void failures(long campaignId, Screens screens, Cover cover, Consumer<FailureRow> each) {
		if (cover.isEmpty()) {
			return;
		}
		cover(SUM_FAILURES, campaignId, screens, cover).query((ResultSet rs) -> {
			each.accept(new FailureRow(rs.getLong("screen_id"), rs.getString("step"), rs.getInt("after_stage"),
					rs.getLong("sessions")));
		});
	}

	/**
	 * The statement over the cover's rows: only its non-empty ranges are in the text, so
	 * that each can be read as one range of the primary key (or of the period index when
	 * it spans every screen).
	 */
	private JdbcClient.StatementSpec cover(String sql, long campaignId, Screens screens, Cover cover) {
		List<Cover.Part> parts = cover.parts();
		List<String> clauses = new ArrayList<>();
		for (int i = 0; i < parts.size(); i++) {
			clauses.add(COVER_RANGE.formatted(i));
		}
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql.formatted(COVER.formatted(String.join(" OR ", clauses))))
			.param("campaignId", campaignId)
			.param("screenLow", screens.low())
			.param("screenHigh", screens.high());
		for (int i = 0; i < parts.size(); i++) {
			Cover.Part part = parts.get(i);
			statement = statement.param("hours" + i, part.hours())
				.param("from" + i, SqlTime.param(part.range().from()))
				.param("to" + i, SqlTime.param(part.range().to()));
		}
		return statement;
	}

	/** Every journey event of the sessions scanned in the ranges. */
	void events(long campaignId, Screens screens, List<Range> ranges, Consumer<EventRow> each) {
		events(EVENTS, campaignId, screens, ranges, each);
	}

	/**
	 * The journey events of the sessions scanned in the ranges that the rollups do not
	 * hold yet.
	 */
	void pendingEvents(long campaignId, Screens screens, List<Range> ranges, Consumer<EventRow> each) {
		events(PENDING_EVENTS, campaignId, screens, ranges, each);
	}

	private void events(String sql, long campaignId, Screens screens, List<Range> ranges, Consumer<EventRow> each) {
		List<Range> nonEmpty = ranges.stream().filter(Range::isNotEmpty).toList();
		for (int from = 0; from < nonEmpty.size(); from += RANGES_PER_QUERY) {
			List<Range> chunk = nonEmpty.subList(from, Math.min(nonEmpty.size(), from + RANGES_PER_QUERY));
			List<String> clauses = new ArrayList<>();
			for (int i = 0; i < chunk.size(); i++) {
				clauses.add("(scanned_at >= :from" + i + " AND scanned_at < :to" + i + ")");
			}
			JdbcClient.StatementSpec statement = this.jdbc.sql(sql.formatted(String.join(" OR ", clauses)))
				.param("campaignId", campaignId)
				.param("screenLow", screens.low())
				.param("screenHigh", screens.high());
			for (int i = 0; i < chunk.size(); i++) {
				statement = statement.param("from" + i, SqlTime.param(chunk.get(i).from()))
					.param("to" + i, SqlTime.param(chunk.get(i).to()));
			}
			statement.query((ResultSet rs) -> {
				each.accept(event(rs));
			});
		}
	}

	/**
	 * The sessions of each campaign that passed its stages, as a plan without raw hours
	 * reads them (the cover's rollup rows, the raw ranges' events and the cover's pending
	 * events), in one statement for up to {@value #CAMPAIGNS_PER_QUERY} campaigns: what
	 * {@link #countsByScreen}, {@link #events} and {@link #pendingEvents} read for one,
	 * without the times and failures.
	 */
	void passedByCampaign(List<Long> campaignIds, ReadPlan plan, Consumer<PassedRow> each) {
		if (!plan.rawHours().isEmpty()) {
			throw new IllegalArgumentException("A plan with hours read raw needs the events' scan times");
		}
		List<String> parts = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		List<Cover.Part> cover = plan.cover().parts();
		if (!cover.isEmpty()) {
			List<String> clauses = new ArrayList<>();
			for (int i = 0; i < cover.size(); i++) {
				clauses.add(COVER_RANGE.formatted(i));
				params.put("hours" + i, cover.get(i).hours());
				params.put("from" + i, SqlTime.param(cover.get(i).range().from()));
				params.put("to" + i, SqlTime.param(cover.get(i).range().to()));
			}
			parts.add(PASSED_ROLLED_UP.formatted(String.join(" OR ", clauses)));
			parts.add(PASSED_PENDING_EVENTS.formatted(scanTimes("pending", plan.pending(), params)));
		}
		if (plan.raw().stream().anyMatch(Range::isNotEmpty)) {
			parts.add(PASSED_EVENTS.formatted(scanTimes("raw", plan.raw(), params)));
		}
		if (parts.isEmpty()) {
			return;
		}
		String sql = String.join("UNION ALL\n", parts);
		params.put("rolledUpLow", plan.rolledUp().low());
		params.put("rolledUpHigh", plan.rolledUp().high());
		params.put("eventsLow", plan.events().low());
		params.put("eventsHigh", plan.events().high());
		for (int from = 0; from < campaignIds.size(); from += CAMPAIGNS_PER_QUERY) {
			List<Long> chunk = campaignIds.subList(from, Math.min(campaignIds.size(), from + CAMPAIGNS_PER_QUERY));
			this.jdbc.sql(sql).params(params).param("campaignIds", chunk).query((ResultSet rs) -> {
				each.accept(new PassedRow(rs.getLong("campaign_id"), rs.getInt("stage_from"), rs.getInt("stage_to"),
						rs.getLong("sessions")));
			});
		}
	}

	/**
	 * {@code (scanned_at >= :prefixFrom0 AND scanned_at < :prefixTo0) OR ...} for the
	 * ranges that are not empty, their parameters added to {@code params}.
	 */
	private static String scanTimes(String prefix, List<Range> ranges, Map<String, Object> params) {
		List<String> clauses = new ArrayList<>();
		for (Range range : ranges.stream().filter(Range::isNotEmpty).toList()) {
			int i = clauses.size();
			clauses.add("(scanned_at >= :" + prefix + "From" + i + " AND scanned_at < :" + prefix + "To" + i + ")");
			params.put(prefix + "From" + i, SqlTime.param(range.from()));
			params.put(prefix + "To" + i, SqlTime.param(range.to()));
		}
		return String.join(" OR ", clauses);
	}

	private static EventRow event(ResultSet rs) throws SQLException {
		return new EventRow(rs.getLong("screen_id"), SqlTime.get(rs, "scanned_at"), rs.getString("step"),
				rs.getLong("seconds_from_scan"), rs.getInt("stage_from"), rs.getInt("stage_to"));
	}

	record EventRow(long screenId, Instant scannedAt, String step, long seconds, int stageFrom, int stageTo) {
	}

	record CountRow(long screenId, Instant periodStart, int stage, long sessions) {
	}

	/** Sessions of a campaign that passed the stages (stageFrom, stageTo]. */
	record PassedRow(long campaignId, int stageFrom, int stageTo, long sessions) {
	}

	record FailureRow(long screenId, String step, int afterStage, long sessions) {
	}

}
