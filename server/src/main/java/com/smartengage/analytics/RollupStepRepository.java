package com.smartengage.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.smartengage.common.infra.SqlTime;

/**
 * SQL of the rollup step ({@link FunnelRollup}): takes the journey events not rolled up
 * yet, adds them to the funnel rollups and marks them, one instance at a time.
 */
@Repository
class RollupStepRepository {

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

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	RollupStepRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

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

	record PendingEvent(long id, long campaignId, long screenId, String step, Instant scannedAt, long seconds,
			int stageFrom, int stageTo) {
	}

	record CountKey(long campaignId, int periodHours, long screenId, Instant periodStart, int stage) {
	}

	record TimeKey(long campaignId, int periodHours, long screenId, Instant periodStart, int stage, long bucket) {
	}

	record FailureKey(long campaignId, int periodHours, long screenId, Instant periodStart, String step,
			int afterStage) {
	}

}
