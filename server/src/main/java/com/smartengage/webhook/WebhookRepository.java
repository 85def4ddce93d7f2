package com.smartengage.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import com.smartengage.common.infra.SqlTime;
import com.smartengage.partner.Mode;

/** SQL for webhook endpoints, their deliveries (the outbox) and the attempts. */
@Repository
class WebhookRepository {

	static final String PENDING = "pending";

	static final String DELIVERED = "delivered";

	static final String FAILED = "failed";

	private static final String ENDPOINT_COLUMNS = """
			id, partner_id, url, description, event_types, secret, previous_secret, previous_secret_until, enabled,
			disabled_reason, failing_since, created_at, updated_at, test""";

	private static final String INSERT_ENDPOINT = """
			INSERT INTO webhook_endpoint (partner_id, url, description, event_types, secret, enabled, created_at,
			    updated_at, test)
			VALUES (:partnerId, :url, :description, :eventTypes, :secret, TRUE, :now, :now, :test)
			""";

	private static final String INSERT_DELIVERY = """
			INSERT INTO webhook_delivery (endpoint_id, webhook_id, event_type, payload, state, attempts,
			    next_attempt_at, created_at)
			VALUES (:endpointId, :webhookId, :eventType, :payload, 'pending', 0, :now, :now)
			""";

	private static final String DELIVERY_COLUMNS = """
			id, endpoint_id, event_type, webhook_id, attempts, last_status, last_error, last_attempt_at,
			next_attempt_at, state, created_at""";

	private final JdbcClient jdbc;

	WebhookRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insertEndpoint(long partnerId, String url, String description, Set<WebhookEventType> types,
			String sealedSecret, Mode mode, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(INSERT_ENDPOINT)
			.param("partnerId", partnerId)
			.param("url", url)
			.param("description", description)
			.param("eventTypes", WebhookEventType.column(types))
			.param("secret", sealedSecret)
			.param("test", mode.isTest())
			.param("now", SqlTime.param(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	Optional<EndpointRow> findEndpoint(long id) {
		return this.jdbc.sql("SELECT " + ENDPOINT_COLUMNS + " FROM webhook_endpoint WHERE id = :id")
			.param("id", id)
			.query(WebhookRepository::endpoint)
			.optional();
	}

	List<EndpointRow> findEndpoints(long partnerId) {
		return this.jdbc
			.sql("SELECT " + ENDPOINT_COLUMNS + " FROM webhook_endpoint WHERE partner_id = :partnerId" + " ORDER BY id")
			.param("partnerId", partnerId)
			.query(WebhookRepository::endpoint)
			.list();
	}

	boolean deleteEndpoint(long id) {
		return this.jdbc.sql("DELETE FROM webhook_endpoint WHERE id = :id").param("id", id).update() == 1;
	}

	void rotateSecret(long id, String sealedSecret, String sealedPrevious, Instant previousUntil, Instant now) {
		this.jdbc.sql("""
				UPDATE webhook_endpoint SET secret = :secret, previous_secret = :previous,
				    previous_secret_until = :until, updated_at = :now
				WHERE id = :id
				""")
			.param("id", id)
			.param("secret", sealedSecret)
			.param("previous", sealedPrevious)
			.param("until", SqlTime.param(previousUntil))
			.param("now", SqlTime.param(now))
			.update();
	}

	/** Enables or disables; false when it already was so. */
	boolean setEnabled(long id, boolean enabled, String reason, Instant now) {
		return this.jdbc.sql("""
				UPDATE webhook_endpoint SET enabled = :enabled, disabled_reason = :reason, updated_at = :now,
				    failing_since = CASE WHEN :enabled THEN NULL ELSE failing_since END
				WHERE id = :id AND enabled <> :enabled
				""")
			.param("id", id)
			.param("enabled", enabled)
			.param("reason", enabled ? null : reason)
			.param("now", SqlTime.param(now))
			.update() == 1;
	}

	long insertDelivery(long endpointId, String webhookId, String eventType, String payload, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(INSERT_DELIVERY)
			.param("endpointId", endpointId)
			.param("webhookId", webhookId)
			.param("eventType", eventType)
			.param("payload", payload)
			.param("now", SqlTime.param(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	/** A delivery with what an attempt needs: its payload and its endpoint. */
	Optional<DueDelivery> findDue(long deliveryId) {
		return this.jdbc.sql("""
				SELECT d.id, d.webhook_id, d.event_type, d.payload, d.state, d.attempts, e.id AS endpoint_id,
				    e.url, e.secret, e.previous_secret, e.previous_secret_until, e.enabled, e.failing_since
				FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id
				WHERE d.id = :id
				""")
			.param("id", deliveryId)
			.query((rs, row) -> new DueDelivery(rs.getLong("id"), rs.getString("webhook_id"),
					rs.getString("event_type"), rs.getString("payload"), rs.getString("state"), rs.getInt("attempts"),
					rs.getLong("endpoint_id"), rs.getString("url"), rs.getString("secret"),
					rs.getString("previous_secret"), SqlTime.get(rs, "previous_secret_until"), rs.getBoolean("enabled"),
					SqlTime.get(rs, "failing_since")))
			.optional();
	}

	/**
	 * Records an attempt: its outcome on the delivery (state, counters, next attempt) and
	 * a line in its attempt log.
	 */
	void recordAttempt(long deliveryId, Instant at, long durationMs, Integer status, String error, String response,
			String state, Instant nextAttemptAt) {
		this.jdbc.sql("""
				UPDATE webhook_delivery SET attempts = attempts + 1, last_status = :status, last_error = :error,
				    last_attempt_at = :at, state = :state, next_attempt_at = :next
				WHERE id = :id
				""")
			.param("id", deliveryId)
			.param("status", status)
			.param("error", error)
			.param("at", SqlTime.param(at))
			.param("state", state)
			.param("next", SqlTime.param(nextAttemptAt))
			.update();
		this.jdbc.sql("""
				INSERT INTO webhook_attempt (delivery_id, attempted_at, duration_ms, status_code, error, response)
				VALUES (:deliveryId, :at, :durationMs, :status, :error, :response)
				""")
			.param("deliveryId", deliveryId)
			.param("at", SqlTime.param(at))
			.param("durationMs", durationMs)
			.param("status", status)
			.param("error", error)
			.param("response", response)
			.update();
	}

	/** Ends a delivery without an attempt (its endpoint was disabled). */
	void fail(long deliveryId, String error) {
		this.jdbc
			.sql("UPDATE webhook_delivery SET state = 'failed', last_error = :error, next_attempt_at = NULL"
					+ " WHERE id = :id AND state = 'pending'")
			.param("id", deliveryId)
			.param("error", error)
			.update();
	}

	/** Makes a delivery pending again, due now; false when there is no such delivery. */
	boolean requeue(long deliveryId, Instant now) {
		return this.jdbc.sql("UPDATE webhook_delivery SET state = 'pending', next_attempt_at = :now WHERE id = :id")
			.param("id", deliveryId)
			.param("now", SqlTime.param(now))
			.update() == 1;
	}

	/** Marks the endpoint as failing since {@code now} unless it already was. */
	void markFailing(long endpointId, Instant now) {
		this.jdbc.sql("UPDATE webhook_endpoint SET failing_since = :now WHERE id = :id AND failing_since IS NULL")
			.param("id", endpointId)
			.param("now", SqlTime.param(now))
			.update();
	}

	void markHealthy(long endpointId) {
		this.jdbc.sql("UPDATE webhook_endpoint SET failing_since = NULL WHERE id = :id AND failing_since IS NOT NULL")
			.param("id", endpointId)
			.update();
	}

	/**
	 * Newest first, {@code limit} deliveries of the endpoint older than {@code beforeId}.
	 */
	List<WebhookDelivery> deliveries(long endpointId, Long beforeId, int limit) {
		return this.jdbc
			.sql("SELECT " + DELIVERY_COLUMNS + " FROM webhook_delivery"
					+ " WHERE endpoint_id = :endpointId AND id < :beforeId ORDER BY id DESC LIMIT :limit")
			.param("endpointId", endpointId)
			.param("beforeId", beforeId == null ? Long.MAX_VALUE : beforeId)
			.param("limit", limit)
			.query(WebhookRepository::delivery)
			.list();
	}

	Optional<WebhookDelivery> delivery(long id) {
		return this.jdbc.sql("SELECT " + DELIVERY_COLUMNS + " FROM webhook_delivery WHERE id = :id")
			.param("id", id)
			.query(WebhookRepository::delivery)
			.optional();
	}

	String payload(long deliveryId) {
		return this.jdbc.sql("SELECT payload FROM webhook_delivery WHERE id = :id")
			.param("id", deliveryId)
			.query(String.class)
			.single();
	}

	List<WebhookDelivery.Attempt> attempts(long deliveryId) {
		return this.jdbc
			.sql("SELECT attempted_at, duration_ms, status_code, error, response FROM webhook_attempt"
					+ " WHERE delivery_id = :id ORDER BY id DESC")
			.param("id", deliveryId)
			.query((rs, row) -> new WebhookDelivery.Attempt(SqlTime.get(rs, "attempted_at"), rs.getLong("duration_ms"),
					(Integer) rs.getObject("status_code", Integer.class), rs.getString("error"),
					rs.getString("response")))
			.list();
	}

	/** Deletes finished deliveries (with their attempts) made before {@code before}. */
	int deleteFinishedBefore(Instant before, int limit) {
		List<Long> ids = this.jdbc
			.sql("SELECT id FROM webhook_delivery WHERE created_at < :before AND state <> 'pending' ORDER BY id"
					+ " LIMIT :limit")
			.param("before", SqlTime.param(before))
			.param("limit", limit)
			.query(Long.class)
			.list();
		if (ids.isEmpty()) {
			return 0;
		}
		this.jdbc.sql("DELETE FROM webhook_attempt WHERE delivery_id IN (:ids)").param("ids", ids).update();
		return this.jdbc.sql("DELETE FROM webhook_delivery WHERE id IN (:ids)").param("ids", ids).update();
	}

	private static EndpointRow endpoint(ResultSet rs, int row) throws SQLException {
		return new EndpointRow(rs.getLong("id"), rs.getLong("partner_id"), rs.getString("url"),
				rs.getString("description"), WebhookEventType.fromColumn(rs.getString("event_types")),
				rs.getString("secret"), rs.getString("previous_secret"), SqlTime.get(rs, "previous_secret_until"),
				rs.getBoolean("enabled"), rs.getString("disabled_reason"), SqlTime.get(rs, "failing_since"),
				SqlTime.get(rs, "created_at"), SqlTime.get(rs, "updated_at"), Mode.of(rs.getBoolean("test")));
	}

	private static WebhookDelivery delivery(ResultSet rs, int row) throws SQLException {
		return new WebhookDelivery(rs.getLong("id"), rs.getLong("endpoint_id"), rs.getString("event_type"),
				rs.getString("webhook_id"), rs.getInt("attempts"), (Integer) rs.getObject("last_status", Integer.class),
				rs.getString("last_error"), SqlTime.get(rs, "last_attempt_at"), SqlTime.get(rs, "next_attempt_at"),
				rs.getString("state"), SqlTime.get(rs, "created_at"), null, null);
	}

	/**
	 * An endpoint as stored; its secrets sealed. It hears the events of its mode only.
	 */
	record EndpointRow(long id, long partnerId, String url, String description, Set<WebhookEventType> types,
			String sealedSecret, String sealedPreviousSecret, Instant previousSecretUntil, boolean enabled,
			String disabledReason, Instant failingSince, Instant createdAt, Instant updatedAt, Mode mode) {

		WebhookEndpoint view(Instant now) {
			Instant until = this.previousSecretUntil != null && this.previousSecretUntil.isAfter(now)
					? this.previousSecretUntil : null;
			return new WebhookEndpoint(this.id, this.partnerId, this.url, this.description,
					this.types.stream().map(WebhookEventType::wireName).toList(), this.mode.wireName(), this.enabled,
					this.disabledReason, this.failingSince, until, this.createdAt, this.updatedAt);
		}

	}

	/** A delivery about to be attempted, with its endpoint's secrets sealed. */
	record DueDelivery(long id, String webhookId, String eventType, String payload, String state, int attempts,
			long endpointId, String url, String sealedSecret, String sealedPreviousSecret, Instant previousSecretUntil,
			boolean endpointEnabled, Instant endpointFailingSince) {
	}

}
