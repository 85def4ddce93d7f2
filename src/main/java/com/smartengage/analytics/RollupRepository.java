package com.smartengage.analytics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Collections;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.smartengage.common.infra.SqlTime;

/**
 * SQL of the funnel rollups: the rollup step that adds new journey events to them, and
 * the reads that add them up.
 */
@Repository
class RollupRepository {

	private static final String LOCK = "SELECT id FROM rollup_lock WHERE id = 1 FOR UPDATE";

	private static final String PENDING_BATCH = """
			SELECT id, campaign_id, screen_id, step, scanned_at, seconds_from_scan, stage_from, stage_to
			FROM journey_event WHERE rolled_up = FALSE ORDER BY campaign_id, scanned_at LIMIT :limit
			""";

	private static final String MARK_ROLLED_UP = "UPDATE journey_event SET rolled_up = TRUE WHERE id IN (:ids)";

	/**
	 * Adds rows of deltas (the VALUES list, repeated) to a rollup table, inserting the
	 * rows that do not exist yet. Only the rollup step writes these tables, one instance
	 * at a time, so no one inserts the same row in between.
	 */
	private static final String MERGE = """
			MERGE INTO %1$s t
			USING (VALUES %2$s) AS v (campaign_id, period_hours, screen_id, period_start, %3$s, sessions)
			ON t.campaign_id = v.campaign_id AND t.period_hours = v.period_hours AND t.screen_id = v.screen_id
			  AND t.period_start = v.period_start AND %4$s
			WHEN MATCHED THEN UPDATE SET sessions = t.sessions + v.sessions
			WHEN NOT MATCHED THEN INSERT (campaign_id, period_hours, screen_id, period_start, %3$s, sessions)
			  VALUES (v.campaign_id, v.period_hours, v.screen_id, v.period_start, %5$s, v.sessions)
			""";

	private static final String KEY_VALUES = "CAST(? AS BIGINT), CAST(? AS INT), CAST(? AS BIGINT), "
			+ "CAST(? AS TIMESTAMP WITH TIME ZONE), ";

	/** Rows of deltas per MERGE statement. */
	private static final int MERGE_ROWS = 500;

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

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	RollupRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	// The rollup step

	/** Waits for the other instances' rollup steps; held until the transaction ends. */
	void lock() {
		this.jdbc.sql(LOCK).query(Integer.class).single();
	}

	List<PendingEvent> pendingBatch(int limit) {
		return this.jdbc.sql(PENDING_BATCH)
			.param("limit", limit)
			.query((rs, i) -> new PendingEvent(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("screen_id"),
					rs.getString("step"), SqlTime.get(rs, "scanned_at"), rs.getLong("seconds_from_scan"),
					rs.getInt("stage_from"), rs.getInt("stage_to")))
			.list();
	}

	void markRolledUp(List<Long> ids) {
		for (int i = 0; i < ids.size(); i += 1000) {
			this.jdbc.sql(MARK_ROLLED_UP).param("ids", ids.subList(i, Math.min(ids.size(), i + 1000))).update();
		}
	}

	void addCounts(Map<CountKey, Long> counts) {
		merge("funnel_rollup", List.of("stage"), "CAST(? AS INT)", counts, (key) -> new Object[] { key.campaignId(),
				key.periodHours(), key.screenId(), SqlTime.param(key.periodStart()), key.stage() });
	}

	void addTimes(Map<TimeKey, Long> times) {
		merge("funnel_time_rollup", List.of("stage", "bucket"), "CAST(? AS INT), CAST(? AS BIGINT)", times,
				(key) -> new Object[] { key.campaignId(), key.periodHours(), key.screenId(),
						SqlTime.param(key.periodStart()), key.stage(), key.bucket() });
	}

	void addFailures(Map<FailureKey, Long> failures) {
		merge("failure_rollup", List.of("step", "after_stage"), "CAST(? AS VARCHAR(64)), CAST(? AS INT)", failures,
				(key) -> new Object[] { key.campaignId(), key.periodHours(), key.screenId(),
						SqlTime.param(key.periodStart()), key.step(), key.afterStage() });
	}

	/**
	 * Adds the deltas to a rollup table, {@value #MERGE_ROWS} rows a statement: one round
	 * trip for hundreds of rows, whatever their number.
	 */
	private <K> void merge(String table, List<String> columns, String columnValues, Map<K, Long> deltas,
			Function<K, Object[]> keyColumns) {
		List<K> keys = new ArrayList<>(deltas.keySet());
		for (int from = 0; from < keys.size(); from += MERGE_ROWS) {
			List<K> chunk = keys.subList(from, Math.min(keys.size(), from + MERGE_ROWS));
			String row = "(" + KEY_VALUES + columnValues + ", CAST(? AS BIGINT))";
			String sql = MERGE.formatted(table, String.join(", ", Collections.nCopies(chunk.size(), row)),
					String.join(", ", columns),
					String.join(" AND ", columns.stream().map((c) -> "t." + c + " = v." + c).toList()),
					String.join(", ", columns.stream().map((c) -> "v." + c).toList()));
			List<Object> params = new ArrayList<>();
			for (K key : chunk) {
				params.addAll(List.of(keyColumns.apply(key)));
				params.add(deltas.get(key));
			}
			this.jdbcTemplate.update(sql, params.toArray());
		}
	}

	// Reads

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
	 * Time buckets of the covered rows of one screen (0: every screen together), by
	 * stage.
	 */
	void times(long campaignId, long screenId, Cover cover, Tally into) {
		if (cover.isEmpty()) {
			return;
		}
		cover(SUM_TIMES, campaignId, Screens.one(screenId), cover).query((ResultSet rs) -> {
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

	private static EventRow event(ResultSet rs) throws SQLException {
		return new EventRow(rs.getLong("screen_id"), SqlTime.get(rs, "scanned_at"), rs.getString("step"),
				rs.getLong("seconds_from_scan"), rs.getInt("stage_from"), rs.getInt("stage_to"));
	}

	/** A half-open range of scan times. */
	record Range(Instant from, Instant to) {

		boolean isNotEmpty() {
			return this.from.isBefore(this.to);
		}

	}

	/**
	 * The rollup rows a read takes: whole UTC days [dayFrom, dayTo) from the daily rows,
	 * whole hours [hourFrom, hourTo) and [moreHourFrom, moreHourTo) from the hourly ones.
	 */
	record Cover(Instant dayFrom, Instant dayTo, Instant hourFrom, Instant hourTo, Instant moreHourFrom,
			Instant moreHourTo) {

		/** Days, and the hours on either side of them. */
		static Cover of(Slices slices) {
			return new Cover(slices.firstDay(), slices.lastDay(), slices.firstHour(), slices.firstDay(),
					slices.lastDay(), slices.lastHour());
		}

		/** The whole days of the slices only. */
		static Cover days(Slices slices) {
			return new Cover(slices.firstDay(), slices.lastDay(), slices.end(), slices.end(), slices.end(),
					slices.end());
		}

		/** A run of whole hours only. */
		static Cover hours(Instant from, Instant to) {
			return new Cover(to, to, from, to, to, to);
		}

		/** The scan times the rows cover. */
		List<Range> ranges() {
			return List.of(new Range(this.hourFrom, this.hourTo), new Range(this.dayFrom, this.dayTo),
					new Range(this.moreHourFrom, this.moreHourTo));
		}

		/** The non-empty ranges with the grain of their rows. */
		List<Part> parts() {
			List<Part> parts = new ArrayList<>();
			for (Part part : List.of(new Part(1, new Range(this.hourFrom, this.hourTo)),
					new Part(24, new Range(this.dayFrom, this.dayTo)),
					new Part(1, new Range(this.moreHourFrom, this.moreHourTo)))) {
				if (part.range().isNotEmpty()) {
					parts.add(part);
				}
			}
			return parts;
		}

		boolean isEmpty() {
			return parts().isEmpty();
		}

		/** Rows of {@code hours} hours whose periods start in the range. */
		record Part(int hours, Range range) {
		}

	}

	/**
	 * Which screen_id values a read covers: 0 alone for the rows of every screen
	 * together, one screen, or every screen one by one.
	 */
	record Screens(long low, long high) {

		static final Screens TOGETHER = new Screens(0, 0);

		static final Screens EACH = new Screens(1, Long.MAX_VALUE);

		static Screens one(long screenId) {
			return new Screens(screenId, screenId);
		}

	}

	record PendingEvent(long id, long campaignId, long screenId, String step, Instant scannedAt, long seconds,
			int stageFrom, int stageTo) {
	}

	record EventRow(long screenId, Instant scannedAt, String step, long seconds, int stageFrom, int stageTo) {
	}

	record CountRow(long screenId, Instant periodStart, int stage, long sessions) {
	}

	record FailureRow(long screenId, String step, int afterStage, long sessions) {
	}

	record CountKey(long campaignId, int periodHours, long screenId, Instant periodStart, int stage) {
	}

	record TimeKey(long campaignId, int periodHours, long screenId, Instant periodStart, int stage, long bucket) {
	}

	record FailureKey(long campaignId, int periodHours, long screenId, Instant periodStart, String step,
			int afterStage) {
	}

}
