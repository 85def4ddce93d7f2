package com.smartengage.partner;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.smartengage.common.infra.SqlTime;

/** SQL for the answers kept for Idempotency-Key retries. */
@Repository
class IdempotentRequestRepository {

	private static final String SELECT = """
			SELECT request_hash, response_code, response_body FROM idempotent_request
			WHERE partner_id = :partnerId AND idem_key = :key AND created_at > :cutoff
			""";

	private static final String DELETE_STALE_KEY = """
			DELETE FROM idempotent_request WHERE partner_id = :partnerId AND idem_key = :key AND created_at <= :cutoff
			""";

	private static final String INSERT = """
			INSERT INTO idempotent_request (partner_id, idem_key, request_hash, response_code, response_body, created_at)
			VALUES (:partnerId, :key, :hash, :code, :body, :createdAt)
			""";

	private static final String DELETE_STALE = """
			DELETE FROM idempotent_request WHERE created_at <= :cutoff
			""";

	private final JdbcClient jdbc;

	IdempotentRequestRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Stored> find(long partnerId, String key, Instant cutoff) {
		return this.jdbc.sql(SELECT)
			.param("partnerId", partnerId)
			.param("key", key)
			.param("cutoff", SqlTime.param(cutoff))
			.query((rs, i) -> new Stored(rs.getString("request_hash"), rs.getInt("response_code"),
					rs.getString("response_body")))
			.optional();
	}

	void insert(long partnerId, String key, Stored answer, Instant now, Instant cutoff) {
		this.jdbc.sql(DELETE_STALE_KEY)
			.param("partnerId", partnerId)
			.param("key", key)
			.param("cutoff", SqlTime.param(cutoff))
			.update();
		this.jdbc.sql(INSERT)
			.param("partnerId", partnerId)
			.param("key", key)
			.param("hash", answer.requestHash())
			.param("code", answer.status())
			.param("body", answer.body())
			.param("createdAt", SqlTime.param(now))
			.update();
	}

	int deleteOlderThan(Instant cutoff) {
		return this.jdbc.sql(DELETE_STALE).param("cutoff", SqlTime.param(cutoff)).update();
	}

	record Stored(String requestHash, int status, String body) {
	}

}
