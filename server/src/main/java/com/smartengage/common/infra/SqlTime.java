package com.smartengage.common.infra;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Moves instants in and out of {@code TIMESTAMP WITH TIME ZONE} columns the same way on
 * H2 and PostgreSQL: both drivers speak {@link OffsetDateTime}, neither is reliable with
 * {@link Instant}.
 */
public final class SqlTime {

	private SqlTime() {
	}

	public static OffsetDateTime param(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	public static Instant get(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
