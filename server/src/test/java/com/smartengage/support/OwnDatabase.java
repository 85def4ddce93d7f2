package com.smartengage.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database of a test's own, of the kind this run is for ({@link TestDatabase#KIND}): a
 * new PostgreSQL database (dropped on close) or a new H2 file under
 * {@code target/fault-h2/}. For tests that run the server as a child process and read the
 * database behind its back.
 */
public final class OwnDatabase implements AutoCloseable {

	private static final String POSTGRES_ADMIN_URL = System.getProperty("smartengage.test.postgres-url",
			"jdbc:postgresql://127.0.0.1:5432/postgres");

	private final String name;

	private final String url;

	private OwnDatabase(String name, String url) {
		this.name = name;
		this.url = url;
	}

	public static OwnDatabase create(String prefix) {
		String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		if (!TestDatabase.isPostgres()) {
			Path dir = Paths.get("target", "fault-h2").toAbsolutePath();
			try {
				Files.createDirectories(dir);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return new OwnDatabase(name, "jdbc:h2:file:" + dir.resolve(name) + defaultH2Settings());
		}
		execute("CREATE DATABASE " + name);
		int slash = POSTGRES_ADMIN_URL.lastIndexOf('/');
		return new OwnDatabase(name, POSTGRES_ADMIN_URL.substring(0, slash + 1) + name);
	}

	/**
	 * The settings of the server's default H2 URL (application.properties), so that a
	 * test of the H2 file tests what a default server runs with.
	 */
	private static String defaultH2Settings() {
		Properties properties = new Properties();
		try (InputStream in = OwnDatabase.class.getResourceAsStream("/application.properties")) {
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String url = properties.getProperty("spring.datasource.url");
		String file = "jdbc:h2:file:./data/smart-engage";
		if (url == null || !url.startsWith(file + ";")) {
			throw new IllegalStateException("The default database URL is no longer an H2 file: " + url);
		}
		return url.substring(file.length());
	}

	public String url() {
		return this.url;
	}

	/** The same database reached through another host and port (a proxy in front). */
	public String urlThrough(int port) {
		return this.url.replace("127.0.0.1:5432", "127.0.0.1:" + port);
	}

	public String username() {
		return TestDatabase.username();
	}

	public String password() {
		return TestDatabase.password();
	}

	/** The server's arguments for this database. */
	public List<String> serverArguments() {
		return ServerProcess.database(this.url, username(), password());
	}

	/**
	 * A client for reading the database directly; on H2 only while no server holds the
	 * file.
	 */
	public JdbcClient jdbc() {
		return JdbcClient.create(dataSource());
	}

	public DataSource dataSource() {
		return new DriverManagerDataSource(this.url, username(), password());
	}

	@Override
	public void close() {
		if (TestDatabase.isPostgres()) {
			execute("DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)");
		}
	}

	private static void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(POSTGRES_ADMIN_URL, TestDatabase.username(),
				TestDatabase.password()); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + " failed: " + ex.getMessage(), ex);
		}
	}

}
