package com.smartengage.analytics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.smartengage.common.SqlTime;

/**
 * SQL of the funnel rollups: the rollup step that adds new journey events to them, and
 * the reads that add them up.
 */
@Repository
class RollupRepository {

	private static final String LOCK = "SELECT id FROM rollup_lock WHERE id = 1 FOR UPDATE";

	private static final String PENDING_BATCH = """
			SELECT id, campaign_id, screen_id, step, scanned_at, seconds_from_scan, stage_from, stage_to
			FROM journey_event WHERE rolled_up = FALSE ORDER BY id LIMIT :limit
			""";

	private static final String MARK_ROLLED_UP = "UPDATE journey_event SET rolled_up = TRUE WHERE id IN (:ids)";

	private static final String ADD_COUNT = """
			UPDATE funnel_rollup SET sessions = sessions + ?
			WHERE campaign_id = ? AND period_hours = ? AND screen_id = ? AND period_start = ? AND stage = ?
			""";

	private static final String INSERT_COUNT = """
			INSERT INTO funnel_rollup (sessions, campaign_id, period_hours, screen_id, period_start, stage)
			VALUES (?, ?, ?, ?, ?, ?)
			""";

	private static final String ADD_TIME = """
			UPDATE funnel_time_rollup SET sessions = sessions + ?
			WHERE campaign_id = ? AND period_hours = ? AND screen_id = ? AND period_start = ? AND stage = ? AND bucket = ?
			""";

	private static final String INSERT_TIME = """
			INSERT INTO funnel_time_rollup (sessions, campaign_id, period_hours, screen_id, period_start, stage, bucket)
			VALUES (?, ?, ?, ?, ?, ?, ?)
			""";

	private static final String ADD_FAILURE = """
			UPDATE failure_rollup SET sessions = sessions + ?
			WHERE campaign_id = ? AND period_hours = ? AND screen_id = ? AND period_start = ? AND step = ?
			  AND after_stage = ?
			""";

	private static final String INSERT_FAILURE = """
			INSERT INTO failure_rollup (sessions, campaign_id, period_hours, screen_id, period_start, step, after_stage)
			VALUES (?, ?, ?, ?, ?, ?, ?)
			""";

	private static final String SUM_COUNTS = """
			SELECT screen_id, period_start, stage, SUM(sessions) AS sessions FROM funnel_rollup
			WHERE campaign_id = :campaignId AND period_hours = :hours AND screen_id BETWEEN :screenLow AND :screenHigh
			  AND period_start >= :from AND period_start < :to
			GROUP BY screen_id, period_start, stage
			""";

	private static final String SUM_COUNTS_BY_SCREEN = """
			SELECT screen_id, stage, SUM(sessions) AS sessions FROM funnel_rollup
			WHERE campaign_id = :campaignId AND period_hours = :hours AND screen_id BETWEEN :screenLow AND :screenHigh
			  AND period_start >= :from AND period_start < :to
			GROUP BY screen_id, stage
			""";

	private static final String SUM_TIMES = """
			SELECT stage, bucket, SUM(sessions) AS sessions FROM funnel_time_rollup
			WHERE campaign_id = :campaignId AND period_hours = :hours AND screen_id = :screenId
			  AND period_start >= :from AND period_start < :to
			GROUP BY stage, bucket
			""";

	private static final String SUM_FAILURES = """
			SELECT screen_id, period_start, step, after_stage, SUM(sessions) AS sessions FROM failure_rollup
			WHERE campaign_id = :campaignId AND period_hours = :hours AND screen_id BETWEEN :screenLow AND :screenHigh
			  AND period_start >= :from AND period_start < :to
			GROUP BY screen_id, period_start, step, after_stage
			""";

	private static final String EVENTS = """
			SELECT screen_id, scanned_at, step, seconds_from_scan, stage_from, stage_to FROM journey_event
			WHERE campaign_id = :campaignId AND scanned_at >= :from AND scanned_at < :to
			  AND screen_id BETWEEN :screenLow AND :screenHigh
			""";

	private static final String PENDING_EVENTS = """
			SELECT screen_id, scanned_at, step, seconds_from_scan, stage_from, stage_to FROM journey_event
			WHERE rolled_up = FALSE AND campaign_id = :campaignId AND scanned_at >= :from AND scanned_at < :to
			  AND screen_id BETWEEN :screenLow AND :screenHigh
			""";

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
		upsert(ADD_COUNT, INSERT_COUNT, counts, (key) -> new Object[] { key.campaignId(), key.periodHours(),
				key.screenId(), SqlTime.param(key.periodStart()), key.stage() });
	}

	void addTimes(Map<TimeKey, Long> times) {
		upsert(ADD_TIME, INSERT_TIME, times, (key) -> new Object[] { key.campaignId(), key.periodHours(),
				key.screenId(), SqlTime.param(key.periodStart()), key.stage(), key.bucket() });
	}

	void addFailures(Map<FailureKey, Long> failures) {
		upsert(ADD_FAILURE, INSERT_FAILURE, failures, (key) -> new Object[] { key.campaignId(), key.periodHours(),
				key.screenId(), SqlTime.param(key.periodStart()), key.step(), key.afterStage() });
	}

	/**
	 * Adds to existing rows in one batch, then inserts the rows that were missing. Only
	 * the rollup step writes these tables, one instance at a time, so nothing can insert
	 * the same row in between.
	 */
	private <K> void upsert(String add, String insert, Map<K, Long> deltas,
			java.util.function.Function<K, Object[]> keyColumns) {
		if (deltas.isEmpty()) {
			return;
		}
		List<K> keys = new ArrayList<>(deltas.keySet());
		List<Object[]> rows = new ArrayList<>(keys.size());
		for (K key : keys) {
			rows.add(row(deltas.get(key), keyColumns.apply(key)));
		}
		int[] updated = this.jdbcTemplate.batchUpdate(add, rows);
		List<Object[]> missing = new ArrayList<>();
		for (int i = 0; i < updated.length; i++) {
			if (updated[i] == 0) {
				missing.add(rows.get(i));
			}
		}
		if (!missing.isEmpty()) {
			this.jdbcTemplate.batchUpdate(insert, missing);
		}
	}

	private static Object[] row(long delta, Object[] key) {
		Object[] row = new Object[key.length + 1];
		row[0] = delta;
		System.arraycopy(key, 0, row, 1, key.length);
		return row;
	}

	// Reads

	/** Sums of one grain's rows by screen, period start and stage. */
	void counts(long campaignId, int hours, Screens screens, Instant from, Instant to, Consumer<CountRow> each) {
		if (!from.isBefore(to)) {
			return;
		}
		this.jdbc.sql(SUM_COUNTS)
			.param("campaignId", campaignId)
			.param("hours", hours)
			.param("screenLow", screens.low())
			.param("screenHigh", screens.high())
			.param("from", SqlTime.param(from))
			.param("to", SqlTime.param(to))
			.query((ResultSet rs) -> {
				each.accept(new CountRow(rs.getLong("screen_id"), SqlTime.get(rs, "period_start"), rs.getInt("stage"),
						rs.getLong("sessions")));
			});
	}

	/** Sums of one grain's rows by screen and stage, over every period in the range. */
	void countsByScreen(long campaignId, int hours, Screens screens, Instant from, Instant to,
			Consumer<CountRow> each) {
		if (!from.isBefore(to)) {
			return;
		}
		this.jdbc.sql(SUM_COUNTS_BY_SCREEN)
			.param("campaignId", campaignId)
			.param("hours", hours)
			.param("screenLow", screens.low())
			.param("screenHigh", screens.high())
			.param("from", SqlTime.param(from))
			.param("to", SqlTime.param(to))
			.query((ResultSet rs) -> {
				each.accept(new CountRow(rs.getLong("screen_id"), null, rs.getInt("stage"), rs.getLong("sessions")));
			});
	}

	/** Time buckets of one grain and one screen (0: every screen), by stage. */
	void times(long campaignId, int hours, long screenId, Instant from, Instant to, Tally into) {
		if (!from.isBefore(to)) {
			return;
		}
		this.jdbc.sql(SUM_TIMES)
			.param("campaignId", campaignId)
			.param("hours", hours)
			.param("screenId", screenId)
			.param("from", SqlTime.param(from))
			.param("to", SqlTime.param(to))
			.query((ResultSet rs) -> {
				into.time(rs.getInt("stage"), rs.getLong("bucket"), rs.getLong("sessions"));
			});
	}

	void failures(long campaignId, int hours, Screens screens, Instant from, Instant to, Consumer<FailureRow> each) {
		if (!from.isBefore(to)) {
			return;
		}
		this.jdbc.sql(SUM_FAILURES)
			.param("campaignId", campaignId)
			.param("hours", hours)
			.param("screenLow", screens.low())
			.param("screenHigh", screens.high())
			.param("from", SqlTime.param(from))
			.param("to", SqlTime.param(to))
			.query((ResultSet rs) -> {
				each.accept(new FailureRow(rs.getLong("screen_id"), SqlTime.get(rs, "period_start"),
						rs.getString("step"), rs.getInt("after_stage"), rs.getLong("sessions")));
			});
	}

	/** Every journey event of the sessions scanned in the range. */
	void events(long campaignId, Screens screens, Instant from, Instant to, Consumer<EventRow> each) {
		events(EVENTS, campaignId, screens, from, to, each);
	}

	/**
	 * The journey events of the sessions scanned in the range that the rollups do not
	 * hold yet.
	 */
	void pendingEvents(long campaignId, Screens screens, Instant from, Instant to, Consumer<EventRow> each) {
		events(PENDING_EVENTS, campaignId, screens, from, to, each);
	}

	private void events(String sql, long campaignId, Screens screens, Instant from, Instant to,
			Consumer<EventRow> each) {
		if (!from.isBefore(to)) {
			return;
		}
		this.jdbc.sql(sql)
			.param("campaignId", campaignId)
			.param("screenLow", screens.low())
			.param("screenHigh", screens.high())
			.param("from", SqlTime.param(from))
			.param("to", SqlTime.param(to))
			.query((ResultSet rs) -> {
				each.accept(event(rs));
			});
	}

	private static EventRow event(ResultSet rs) throws SQLException {
		return new EventRow(rs.getLong("screen_id"), SqlTime.get(rs, "scanned_at"), rs.getString("step"),
				rs.getLong("seconds_from_scan"), rs.getInt("stage_from"), rs.getInt("stage_to"));
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

	record FailureRow(long screenId, Instant periodStart, String step, int afterStage, long sessions) {
	}

	record CountKey(long campaignId, int periodHours, long screenId, Instant periodStart, int stage) {
	}

	record TimeKey(long campaignId, int periodHours, long screenId, Instant periodStart, int stage, long bucket) {
	}

	record FailureKey(long campaignId, int periodHours, long screenId, Instant periodStart, String step,
			int afterStage) {
	}

}
