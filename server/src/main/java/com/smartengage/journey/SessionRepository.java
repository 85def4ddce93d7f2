package com.smartengage.journey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.smartengage.common.infra.SqlTime;

/** SQL for sessions and their journey events. */
@Repository
class SessionRepository {

	private static final String INSERT_SESSION = """
			INSERT INTO journey_session (id, partner_id, campaign_id, placement_id, screen_id, status, step_index,
			    ended, created_at, updated_at, expires_at)
			VALUES (:id, :partnerId, :campaignId, :placementId, :screenId, 'SCANNED', 0, FALSE, :now, :now, :expiresAt)
			""";

	/** A sandbox session: no placement, no screen (see V7__sandbox.sql). */
	private static final String INSERT_SANDBOX_SESSION = """
			INSERT INTO journey_session (id, partner_id, campaign_id, status, step_index, ended, created_at, updated_at,
			    expires_at, test)
			VALUES (:id, :partnerId, :campaignId, 'SCANNED', 0, FALSE, :now, :now, :expiresAt, TRUE)
			""";

	private static final String INSERT_EVENT = """
			INSERT INTO journey_event (session_id, campaign_id, screen_id, step, occurred_at, seconds_from_scan,
			    scanned_at, stage_from, stage_to)
			VALUES (:sessionId, :campaignId, :screenId, :step, :at, :seconds, :scannedAt, :stageFrom, :stageTo)
			""";

	/**
	 * Appends the event of a change just made to the session row, which this transaction
	 * holds: the stages it passed start after the row's funnel_stage_before.
	 */
	private static final String INSERT_EVENT_OF_CHANGE = """
			INSERT INTO journey_event (session_id, campaign_id, screen_id, step, occurred_at, seconds_from_scan,
			    scanned_at, stage_from, stage_to)
			SELECT id, campaign_id, screen_id, :step, :at, :seconds, created_at, funnel_stage_before, :stageTo
			FROM journey_session WHERE id = :sessionId
			""";

	/**
	 * The partner's session of the caller's mode: a live key never finds a sandbox
	 * session, nor a test key a live one.
	 */
	private static final String SELECT_SESSION = """
			SELECT id, partner_id, campaign_id, placement_id, screen_id, status, step_index, ended, rewarded_at,
			       coupon_issued_at, created_at, updated_at, expires_at, test
			FROM journey_session WHERE id = :id AND partner_id = :partnerId AND test = :test
			""";

	/**
	 * Moves a session forward from the status it was read with; matches no row when it
	 * already is there or past it, ended, expired, or moved since it was read.
	 */
	private static final String ADVANCE = """
			UPDATE journey_session
			SET status = :status, step_index = :stepIndex, ended = :ended,
			    rewarded_at = COALESCE(rewarded_at, :rewardedAt), updated_at = :now,
			    funnel_stage_before = funnel_stage, funnel_stage = GREATEST(funnel_stage, :stepIndex)
			WHERE id = :id AND partner_id = :partnerId AND ended = FALSE AND step_index < :stepIndex
			  AND expires_at > :now AND status = :fromStatus
			""";

	/**
	 * Ends a session at a failure step from the status it was read with; matches no row
	 * when it already ended, expired, or moved since it was read.
	 */
	private static final String FAIL = """
			UPDATE journey_session SET status = :status, ended = TRUE, updated_at = :now,
			    funnel_stage_before = funnel_stage
			WHERE id = :id AND partner_id = :partnerId AND ended = FALSE AND expires_at > :now
			  AND status = :fromStatus
			""";

	/**
	 * Marks the coupon as issued; matches no row when it was issued already or is not
	 * earned.
	 */
	private static final String MARK_COUPON_ISSUED = """
			UPDATE journey_session SET coupon_issued_at = :now, updated_at = :now,
			    funnel_stage_before = funnel_stage, funnel_stage = GREATEST(funnel_stage, :issuedStage)
			WHERE id = :id AND partner_id = :partnerId AND coupon_issued_at IS NULL AND rewarded_at IS NOT NULL
			""";

	private static final String SELECT_EVENTS = """
			SELECT step, occurred_at FROM journey_event WHERE session_id = :sessionId ORDER BY occurred_at, id
			""";

	private static final String SELECT_COUPON = """
			SELECT code, token, issued_at, expires_at, redeemed_at FROM coupon WHERE session_id = :sessionId
			""";

	/**
	 * A sandbox session's step, kept out of journey_event (and so out of analytics).
	 */
	private static final String INSERT_SANDBOX_EVENT = """
			INSERT INTO sandbox_event (session_id, step, occurred_at) VALUES (:sessionId, :step, :at)
			""";

	private static final String SELECT_SANDBOX_EVENTS = """
			SELECT step, occurred_at FROM sandbox_event WHERE session_id = :sessionId ORDER BY occurred_at, id
			""";

	private static final String SELECT_SANDBOX_COUPON = """
			SELECT code, token, issued_at, expires_at, redeemed_at FROM sandbox_coupon WHERE session_id = :sessionId
			""";

	private final JdbcClient jdbc;

	SessionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, long partnerId, long campaignId, long placementId, long screenId, Instant now,
			Instant expiresAt) {
		this.jdbc.sql(INSERT_SESSION)
			.param("id", id)
			.param("partnerId", partnerId)
			.param("campaignId", campaignId)
			.param("placementId", placementId)
			.param("screenId", screenId)
			.param("now", SqlTime.param(now))
			.param("expiresAt", SqlTime.param(expiresAt))
			.update();
	}

	void insertSandbox(UUID id, long partnerId, long campaignId, Instant now, Instant expiresAt) {
		this.jdbc.sql(INSERT_SANDBOX_SESSION)
			.param("id", id)
			.param("partnerId", partnerId)
			.param("campaignId", campaignId)
			.param("now", SqlTime.param(now))
			.param("expiresAt", SqlTime.param(expiresAt))
			.update();
	}

	/** Appends a step of a sandbox session. */
	void insertSandboxEvent(UUID sessionId, String step, Instant at) {
		this.jdbc.sql(INSERT_SANDBOX_EVENT)
			.param("sessionId", sessionId)
			.param("step", step)
			.param("at", SqlTime.param(at))
			.update();
	}

	/**
	 * Appends a journey event of a session scanned at {@code scannedAt} that passed the
	 * funnel stages after {@code stageFrom} up to {@code stageTo}.
	 */
	void insertEvent(UUID sessionId, long campaignId, long screenId, String step, Instant at, Instant scannedAt,
			int stageFrom, int stageTo) {
		this.jdbc.sql(INSERT_EVENT)
			.param("sessionId", sessionId)
			.param("campaignId", campaignId)
			.param("screenId", screenId)
			.param("step", step)
			.param("at", SqlTime.param(at))
			.param("seconds", seconds(scannedAt, at))
			.param("scannedAt", SqlTime.param(scannedAt))
			.param("stageFrom", stageFrom)
			.param("stageTo", stageTo)
			.update();
	}

	/**
	 * Appends the event of the change this transaction just made to the session (advance,
	 * fail or coupon claim); {@code stageTo} is -1 for a failure step.
	 */
	void insertEventOfChange(UUID sessionId, String step, Instant at, Instant scannedAt, int stageTo) {
		this.jdbc.sql(INSERT_EVENT_OF_CHANGE)
			.param("sessionId", sessionId)
			.param("step", step)
			.param("at", SqlTime.param(at))
			.param("seconds", seconds(scannedAt, at))
			.param("stageTo", stageTo)
			.update();
	}

	private static long seconds(Instant scannedAt, Instant at) {
		return Math.max(0, Duration.between(scannedAt, at).toSeconds());
	}

	/** The session if it belongs to the partner and is of the mode asked for. */
	Optional<JourneySession> find(UUID id, long partnerId, boolean test) {
		return this.jdbc.sql(SELECT_SESSION)
			.param("id", id)
			.param("partnerId", partnerId)
			.param("test", test)
			.query(SessionRepository::session)
			.optional();
	}

	boolean advance(UUID id, long partnerId, String fromStatus, String status, int stepIndex, boolean ended,
			Instant rewardedAt, Instant now) {
		return this.jdbc.sql(ADVANCE)
			.param("id", id)
			.param("partnerId", partnerId)
			.param("fromStatus", fromStatus)
			.param("status", status)
			.param("stepIndex", stepIndex)
			.param("ended", ended)
			.param("rewardedAt", SqlTime.param(rewardedAt))
			.param("now", SqlTime.param(now))
			.update() == 1;
	}

	boolean fail(UUID id, long partnerId, String fromStatus, String status, Instant now) {
		return this.jdbc.sql(FAIL)
			.param("id", id)
			.param("partnerId", partnerId)
			.param("fromStatus", fromStatus)
			.param("status", status)
			.param("now", SqlTime.param(now))
			.update() == 1;
	}

	/**
	 * Claims the session's one coupon; false when it was claimed already or is not
	 * earned.
	 */
	boolean markCouponIssued(UUID id, long partnerId, Instant now, int issuedStage) {
		return this.jdbc.sql(MARK_COUPON_ISSUED)
			.param("id", id)
			.param("partnerId", partnerId)
			.param("now", SqlTime.param(now))
			.param("issuedStage", issuedStage)
			.update() == 1;
	}

	List<JourneyEvent> events(UUID sessionId, boolean test) {
		return this.jdbc.sql(test ? SELECT_SANDBOX_EVENTS : SELECT_EVENTS)
			.param("sessionId", sessionId)
			.query((rs, i) -> new JourneyEvent(rs.getString("step"), SqlTime.get(rs, "occurred_at")))
			.list();
	}

	Optional<CouponRow> coupon(UUID sessionId, boolean test) {
		return this.jdbc.sql(test ? SELECT_SANDBOX_COUPON : SELECT_COUPON)
			.param("sessionId", sessionId)
			.query((rs, i) -> new CouponRow(rs.getString("code"), rs.getString("token"), SqlTime.get(rs, "issued_at"),
					SqlTime.get(rs, "expires_at"), SqlTime.get(rs, "redeemed_at")))
			.optional();
	}

	record CouponRow(String code, String token, Instant issuedAt, Instant expiresAt, Instant redeemedAt) {
	}

	private static JourneySession session(ResultSet rs, int row) throws SQLException {
		return new JourneySession(rs.getObject("id", UUID.class), rs.getLong("partner_id"), rs.getLong("campaign_id"),
				rs.getObject("placement_id", Long.class), rs.getObject("screen_id", Long.class), rs.getString("status"),
				rs.getInt("step_index"), rs.getBoolean("ended"), SqlTime.get(rs, "rewarded_at"),
				SqlTime.get(rs, "coupon_issued_at"), SqlTime.get(rs, "created_at"), SqlTime.get(rs, "updated_at"),
				SqlTime.get(rs, "expires_at"), rs.getBoolean("test"));
	}

}
