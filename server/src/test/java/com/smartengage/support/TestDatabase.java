package com.smartengage.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The database an integration test run uses, chosen by the system property
 * {@code smartengage.test.database} ({@code h2} or {@code postgres}; the build runs the
 * suite once with each). On PostgreSQL every JVM gets a database of its own, made on
 * first use.
 */
public final class TestDatabase {

	public static final String KIND = System.getProperty("smartengage.test.database", "h2");

	private static final String POSTGRES_ADMIN_URL = System.getProperty("smartengage.test.postgres-url",
			"jdbc:postgresql://127.0.0.1:5432/postgres");

	private static final String POSTGRES_USER = System.getProperty("smartengage.test.postgres-user", "postgres");

	private static final String POSTGRES_PASSWORD = System.getProperty("smartengage.test.postgres-password", "");

	private static final String NAME = "se_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private static volatile String url;

	private TestDatabase() {
	}

	public static boolean isPostgres() {
		return "postgres".equals(KIND);
	}

	public static String username() {
		return isPostgres() ? POSTGRES_USER : "sa";
	}

	public static String password() {
		return isPostgres() ? POSTGRES_PASSWORD : "";
	}

	/** The JDBC URL of this run's database, creating it when needed. */
	public static synchronized String url() {
		if (url == null) {
			url = isPostgres() ? createPostgres() : "jdbc:h2:file:./target/it-h2/" + NAME
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;WRITE_DELAY=0";
		}
		return url;
	}

	/** Null when PostgreSQL answers, else why not. */
	public static String postgresProblem() {
		try (Connection connection = DriverManager.getConnection(POSTGRES_ADMIN_URL, POSTGRES_USER,
				POSTGRES_PASSWORD)) {
			return null;
		}
		catch (SQLException ex) {
			return ex.getMessage();
		}
	}

	private static String createPostgres() {
		try (Connection connection = DriverManager.getConnection(POSTGRES_ADMIN_URL, POSTGRES_USER, POSTGRES_PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + NAME.toLowerCase(Locale.ROOT));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the test database " + NAME + ": " + ex.getMessage(), ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropPostgres));
		int slash = POSTGRES_ADMIN_URL.lastIndexOf('/');
		return POSTGRES_ADMIN_URL.substring(0, slash + 1) + NAME;
	}

	private static void dropPostgres() {
		try (Connection connection = DriverManager.getConnection(POSTGRES_ADMIN_URL, POSTGRES_USER, POSTGRES_PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
		}
		catch (SQLException ex) {
			// Best effort: a left-over se_it_* database only takes disk space.
		}
	}

}
