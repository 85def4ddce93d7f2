package com.smartengage.screen;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import com.smartengage.common.infra.SqlTime;

/** SQL for screens. */
@Repository
class ScreenRepository {

	private static final String INSERT = """
			INSERT INTO screen (name, location, created_at) VALUES (:name, :location, :createdAt)
			""";

	private static final String SELECT_ALL = """
			SELECT id, name, location, created_at FROM screen ORDER BY id
			""";

	private static final String SELECT_ONE = """
			SELECT id, name, location, created_at FROM screen WHERE id = :id
			""";

	private final JdbcClient jdbc;

	ScreenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Screen insert(String name, String location, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(INSERT)
			.param("name", name)
			.param("location", location)
			.param("createdAt", SqlTime.param(now))
			.update(keys, "id");
		return new Screen(keys.getKeyAs(Long.class), name, location, now);
	}

	List<Screen> findAll() {
		return this.jdbc.sql(SELECT_ALL).query(ScreenRepository::screen).list();
	}

	Optional<Screen> findById(long id) {
		return this.jdbc.sql(SELECT_ONE).param("id", id).query(ScreenRepository::screen).optional();
	}

	private static Screen screen(ResultSet rs, int row) throws SQLException {
		return new Screen(rs.getLong("id"), rs.getString("name"), rs.getString("location"),
				SqlTime.get(rs, "created_at"));
	}

}
