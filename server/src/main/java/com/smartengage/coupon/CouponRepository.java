package com.smartengage.coupon;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.smartengage.common.infra.SqlTime;

/**
 * SQL that issues, shows and redeems coupons: live ones from the pools, and sandbox ones,
 * which live in a table of their own (ADR 0012). Every lookup names its mode, so a live
 * call never finds a sandbox coupon, nor a test call a live one.
 */
@Repository
class CouponRepository {

	/**
	 * A free code of the pool, locked; codes other transactions are claiming are skipped,
	 * so concurrent issues never wait on each other. The pool is its own index
	 * ({@code free_campaign_id}, set while a code is free): the only condition names no
	 * other indexed column, so the planner has one index to choose and walks the
	 * campaign's free codes only. (With {@code campaign_id = ? AND session_id IS NULL} H2
	 * took the unique index on {@code session_id} for a one-row lookup and walked the
	 * free codes of every campaign.) No ORDER BY: with one, H2 sorts after locking and so
	 * locks every free code of the pool, and a concurrent issue would find none left.
	 */
	private static final String CLAIM_FREE = """
			SELECT id, code FROM coupon
			WHERE free_campaign_id = :campaignId
			LIMIT 1
			FOR UPDATE SKIP LOCKED
			""";

	/** Takes the code out of the pool as it gives it to the session. */
	private static final String ASSIGN = """
			UPDATE coupon SET session_id = :sessionId, free_campaign_id = NULL, token = :token, issued_at = :now,
			    expires_at = :expiresAt
			WHERE id = :id AND session_id IS NULL
			""";

	private static final String COLUMNS = """
			c.id, c.campaign_id, c.code, c.session_id, c.token, c.issued_at, c.expires_at, c.redeemed_at,
			s.screen_id, s.created_at AS scanned_at, cp.name AS campaign_name
			""";

	private static final String SELECT_BY_CODE = "SELECT " + COLUMNS + """
			FROM coupon c
			JOIN campaign cp ON cp.id = c.campaign_id
			LEFT JOIN journey_session s ON s.id = c.session_id
			WHERE c.partner_id = :partnerId AND c.code = :code
			""";

	private static final String SELECT_BY_TOKEN = "SELECT " + COLUMNS + """
			FROM coupon c
			JOIN campaign cp ON cp.id = c.campaign_id
			LEFT JOIN journey_session s ON s.id = c.session_id
			WHERE c.token = :token
			""";

	private static final String REDEEM = """
			UPDATE coupon SET redeemed_at = :now
			WHERE id = :id AND session_id IS NOT NULL AND redeemed_at IS NULL AND expires_at > :now
			""";

	/**
	 * A sandbox session's coupon, made as it is issued: never taken from a pool. Inserts
	 * nothing when the partner has the code already (the caller draws another); the
	 * session's claim ({@code journey_session.coupon_issued_at}) already made sure that
	 * the session has none.
	 */
	private static final String INSERT_SANDBOX = """
			INSERT INTO sandbox_coupon (session_id, partner_id, campaign_id, code, token, issued_at, expires_at)
			VALUES (:sessionId, :partnerId, :campaignId, :code, :token, :now, :expiresAt)
			ON CONFLICT DO NOTHING
			""";

	private static final String SELECT_SANDBOX_BY_CODE = "SELECT " + COLUMNS + """
			FROM sandbox_coupon c
			JOIN campaign cp ON cp.id = c.campaign_id
			JOIN journey_session s ON s.id = c.session_id
			WHERE c.partner_id = :partnerId AND c.code = :code
			""";

	private static final String SELECT_SANDBOX_BY_TOKEN = "SELECT " + COLUMNS + """
			FROM sandbox_coupon c
			JOIN campaign cp ON cp.id = c.campaign_id
			JOIN journey_session s ON s.id = c.session_id
			WHERE c.token = :token
			""";

	private static final String REDEEM_SANDBOX = """
			UPDATE sandbox_coupon SET redeemed_at = :now
			WHERE id = :id AND redeemed_at IS NULL AND expires_at > :now
			""";

	private final JdbcClient jdbc;

	CouponRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<FreeCode> claimFree(long campaignId) {
		return this.jdbc.sql(CLAIM_FREE)
			.param("campaignId", campaignId)
			.query((rs, i) -> new FreeCode(rs.getLong("id"), rs.getString("code")))
			.optional();
	}

	boolean assign(long couponId, UUID sessionId, String token, Instant now, Instant expiresAt) {
		return this.jdbc.sql(ASSIGN)
			.param("id", couponId)
			.param("sessionId", sessionId)
			.param("token", token)
			.param("now", SqlTime.param(now))
			.param("expiresAt", SqlTime.param(expiresAt))
			.update() == 1;
	}

	/**
	 * Adds a sandbox coupon; false when the partner has that code already.
	 */
	boolean insertSandbox(UUID sessionId, long partnerId, long campaignId, String code, String token, Instant now,
			Instant expiresAt) {
		return this.jdbc.sql(INSERT_SANDBOX)
			.param("sessionId", sessionId)
			.param("partnerId", partnerId)
			.param("campaignId", campaignId)
			.param("code", code)
			.param("token", token)
			.param("now", SqlTime.param(now))
			.param("expiresAt", SqlTime.param(expiresAt))
			.update() == 1;
	}

	/** The partner's coupon of that code, live or sandbox as asked. */
	Optional<Coupon> findByCode(long partnerId, String code, boolean test) {
		return this.jdbc.sql(test ? SELECT_SANDBOX_BY_CODE : SELECT_BY_CODE)
			.param("partnerId", partnerId)
			.param("code", code)
			.query(CouponRepository::coupon)
			.optional();
	}

	Optional<Coupon> findByToken(String token, boolean test) {
		return this.jdbc.sql(test ? SELECT_SANDBOX_BY_TOKEN : SELECT_BY_TOKEN)
			.param("token", token)
			.query(CouponRepository::coupon)
			.optional();
	}

	boolean redeem(long couponId, Instant now, boolean test) {
		return this.jdbc.sql(test ? REDEEM_SANDBOX : REDEEM)
			.param("id", couponId)
			.param("now", SqlTime.param(now))
			.update() == 1;
	}

	private static Coupon coupon(ResultSet rs, int row) throws SQLException {
		return new Coupon(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("campaign_name"),
				rs.getString("code"), rs.getObject("session_id", UUID.class), rs.getLong("screen_id"),
				rs.getString("token"), SqlTime.get(rs, "issued_at"), SqlTime.get(rs, "expires_at"),
				SqlTime.get(rs, "redeemed_at"), SqlTime.get(rs, "scanned_at"));
	}

	record FreeCode(long id, String code) {
	}

	record Coupon(long id, long campaignId, String campaignName, String code, UUID sessionId, long screenId,
			String token, Instant issuedAt, Instant expiresAt, Instant redeemedAt, Instant scannedAt) {
	}

}
