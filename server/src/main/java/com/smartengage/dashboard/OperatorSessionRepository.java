package com.smartengage.dashboard;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.smartengage.common.infra.SqlTime;

/** SQL for operator sessions. */
@Repository
class OperatorSessionRepository {

	private static final String INSERT = """
			INSERT INTO operator_session (id, created_at, last_seen_at, expires_at)
			VALUES (:id, :now, :now, :expiresAt)
			""";

	private static final String SELECT_LIVE = """
			SELECT id, created_at, last_seen_at, expires_at FROM operator_session
			WHERE id = :id AND expires_at > :now
			""";

	private static final String TOUCH = """
			UPDATE operator_session SET last_seen_at = :now, expires_at = :expiresAt WHERE id = :id
			""";

	private static final String DELETE = "DELETE FROM operator_session WHERE id = :id";

	private static final String DELETE_EXPIRED = "DELETE FROM operator_session WHERE expires_at <= :now";

	private final JdbcClient jdbc;

	OperatorSessionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String id, Instant now, Instant expiresAt) {
		this.jdbc.sql(INSERT)
			.param("id", id)
			.param("now", SqlTime.param(now))
			.param("expiresAt", SqlTime.param(expiresAt))
			.update();
	}

	Optional<OperatorSession> findLive(String id, Instant now) {
		return this.jdbc.sql(SELECT_LIVE)
			.param("id", id)
			.param("now", SqlTime.param(now))
			.query((rs, row) -> new OperatorSession(rs.getString("id"), SqlTime.get(rs, "created_at"),
					SqlTime.get(rs, "last_seen_at"), SqlTime.get(rs, "expires_at")))
			.optional();
	}

	void touch(String id, Instant now, Instant expiresAt) {
		this.jdbc.sql(TOUCH)
			.param("id", id)
			.param("now", SqlTime.param(now))
			.param("expiresAt", SqlTime.param(expiresAt))
			.update();
	}

	void delete(String id) {
		this.jdbc.sql(DELETE).param("id", id).update();
	}

	int deleteExpired(Instant now) {
		return this.jdbc.sql(DELETE_EXPIRED).param("now", SqlTime.param(now)).update();
	}

	/** One stored session; {@code id} is the HMAC of the cookie, never the cookie. */
	record OperatorSession(String id, Instant createdAt, Instant lastSeenAt, Instant expiresAt) {
	}

}
