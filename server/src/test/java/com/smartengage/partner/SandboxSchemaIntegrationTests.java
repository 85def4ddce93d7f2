package com.smartengage.partner;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.smartengage.support.DatabaseAvailableExtension;
import com.smartengage.support.OwnDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The sandbox's schema (V7) keeps taking rows after the connection that migrated it is
 * gone, as a server's pool retires it. H2 evaluates a CHECK that compares a column with
 * constant strings through the session that created it: a {@code mode IN ('live',
 * 'test')} check failed every insert once that connection closed, which is why the modes
 * are flags.
 */
@ExtendWith(DatabaseAvailableExtension.class)
class SandboxSchemaIntegrationTests {

	@Test
	void takesKeysEndpointsAndSessionsOfBothModesOnceTheMigratingConnectionIsClosed() throws SQLException {
		try (OwnDatabase database = OwnDatabase.create("se_sandbox_schema"); Connection keeper = connect(database)) {
			// The keeper holds the database open, so that it outlives Flyway's
			// connections.
			Flyway.configure().dataSource(database.url(), database.username(), database.password()).load().migrate();
			try (Connection connection = connect(database); Statement sql = connection.createStatement()) {
				sql.execute("INSERT INTO partner (name, created_at) VALUES ('Schema', CURRENT_TIMESTAMP)");
				sql.execute("INSERT INTO api_key (partner_id, key_hash, key_prefix, test, created_at)"
						+ " SELECT id, 'h1', 'se_test_abcdefg', TRUE, CURRENT_TIMESTAMP FROM partner");
				sql.execute("INSERT INTO api_key (partner_id, key_hash, key_prefix, created_at)"
						+ " SELECT id, 'h2', 'se_abcdefg', CURRENT_TIMESTAMP FROM partner");
				sql.execute("INSERT INTO webhook_endpoint (partner_id, url, event_types, secret, enabled, created_at,"
						+ " updated_at, test) SELECT id, 'https://example.com/h', 'coupon.issued', 's', TRUE,"
						+ " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, TRUE FROM partner");
				sql.execute("INSERT INTO campaign (partner_id, flow_id, name, form_url, session_ttl_minutes,"
						+ " coupon_valid_days, created_at) SELECT p.id, f.id, 'C', 'https://example.com/f', 60, 30,"
						+ " CURRENT_TIMESTAMP FROM partner p, flow f");
				sql.execute("INSERT INTO journey_session (id, partner_id, campaign_id, status, step_index, created_at,"
						+ " updated_at, expires_at, test) SELECT '8960569d-db50-4742-8668-1da5c8ddf652', partner_id,"
						+ " id, 'SCANNED', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, TRUE"
						+ " FROM campaign");
				assertThatExceptionOfType(SQLException.class).as("a live session needs its placement and screen")
					.isThrownBy(() -> sql.execute("INSERT INTO journey_session (id, partner_id, campaign_id,"
							+ " status, step_index, created_at, updated_at, expires_at) SELECT"
							+ " 'a960569d-db50-4742-8668-1da5c8ddf652', partner_id, id, 'SCANNED', 0,"
							+ " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM campaign"))
					.withMessageContaining("ck_session_screen");
				try (var rs = sql.executeQuery("SELECT COUNT(*) FROM api_key WHERE test = TRUE")) {
					assertThat(rs.next()).isTrue();
					assertThat(rs.getLong(1)).isEqualTo(1);
				}
			}
		}
	}

	private static Connection connect(OwnDatabase database) throws SQLException {
		return DriverManager.getConnection(database.url(), database.username(), database.password());
	}

}
