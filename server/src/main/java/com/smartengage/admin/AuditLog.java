package com.smartengage.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import com.smartengage.common.infra.SqlTime;
import com.smartengage.common.text.Ids;
import com.smartengage.common.web.BadRequestException;

/**
 * The audit trail of admin actions (a key created or revoked, a campaign changed...).
 * Services record inside the transaction of the change, so an action is in the trail
 * exactly when it happened. Details never hold a secret.
 */
@Component
public class AuditLog {

	/**
	 * Request attribute naming who is acting, set by whatever authenticated the request.
	 */
	public static final String ACTOR_ATTRIBUTE = "com.smartengage.admin.AuditLog.actor";

	/** The actor of work that no request asked for (the demo seeding at start-up). */
	static final String SYSTEM = "system";

	private static final String INSERT = """
			INSERT INTO audit_event (occurred_at, actor, action, target_type, target_id, details)
			VALUES (:occurredAt, :actor, :action, :targetType, :targetId, :details)
			""";

	private static final String SELECT_PAGE = """
			SELECT id, occurred_at, actor, action, target_type, target_id, details FROM audit_event
			WHERE id < :beforeId ORDER BY id DESC LIMIT :limit
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Records an action on a target by whoever the current request authenticated as. */
	public void record(String action, String targetType, Object targetId, String details) {
		this.jdbc.sql(INSERT)
			.param("occurredAt", SqlTime.param(this.clock.instant()))
			.param("actor", actor())
			.param("action", action)
			.param("targetType", targetType)
			.param("targetId", String.valueOf(targetId))
			.param("details", details == null ? null : Ids.cut(details, 2000))
			.update();
	}

	/**
	 * Newest first, {@code limit} events older than {@code beforeId} (null: the newest).
	 */
	public List<AuditEvent> page(Long beforeId, int limit) {
		if (limit < 1 || limit > 1000) {
			throw new BadRequestException("limit must be between 1 and 1000, not " + limit);
		}
		return this.jdbc.sql(SELECT_PAGE)
			.param("beforeId", beforeId == null ? Long.MAX_VALUE : beforeId)
			.param("limit", limit)
			.query(AuditLog::event)
			.list();
	}

	private static String actor() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		Object actor = attributes == null ? null
				: attributes.getAttribute(ACTOR_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		return actor instanceof String name ? name : SYSTEM;
	}

	private static AuditEvent event(ResultSet rs, int row) throws SQLException {
		return new AuditEvent(rs.getLong("id"), SqlTime.get(rs, "occurred_at"), rs.getString("actor"),
				rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"),
				rs.getString("details"));
	}

}
