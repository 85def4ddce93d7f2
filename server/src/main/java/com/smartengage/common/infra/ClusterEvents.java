package com.smartengage.common.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Small messages that every server instance must hear, such as "API key 7 was revoked" so
 * that every instance drops it from its cache at once. On PostgreSQL they travel through
 * {@code LISTEN/NOTIFY} on one channel; on H2 (one instance by nature: the file is
 * locked) they are delivered in process. A listener hears its own instance's messages
 * too.
 */
@Component
public class ClusterEvents implements SmartInitializingSingleton, DisposableBean {

	static final String CHANNEL = "smart_engage_events";

	private static final Logger log = LoggerFactory.getLogger(ClusterEvents.class);

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();

	private final List<Runnable> resetListeners = new CopyOnWriteArrayList<>();

	private final boolean postgres;

	private volatile boolean running = true;

	private Thread listenerThread;

	ClusterEvents(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.postgres = isPostgres(dataSource);
	}

	/** Whether the database is PostgreSQL (else H2, one instance by nature). */
	public boolean isPostgres() {
		return this.postgres;
	}

	/**
	 * Calls {@code listener} with the payload of every message of this topic, on any
	 * instance.
	 */
	public void subscribe(String topic, Consumer<String> listener) {
		this.listeners.computeIfAbsent(topic, (t) -> new CopyOnWriteArrayList<>()).add(listener);
	}

	/**
	 * Sends a message to every instance, this one included. It is delivered once the
	 * surrounding transaction commits (at once when there is none), and not at all if it
	 * rolls back, so listeners never act on a change that did not happen, nor before
	 * others can read it.
	 */
	public void publish(String topic, String payload) {
		String message = topic + ":" + payload;
		if (this.postgres) {
			this.jdbc.sql("SELECT pg_notify(:channel, :message)")
				.param("channel", CHANNEL)
				.param("message", message)
				.query((rs, row) -> rs.getString(1))
				.list();
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					deliver(message);
				}
			});
		}
		else {
			deliver(message);
		}
	}

	/**
	 * Calls {@code listener} whenever messages may have been missed (the listening
	 * connection was lost and is back), so that it can drop whatever they would have
	 * evicted.
	 */
	public void onMissedMessages(Runnable listener) {
		this.resetListeners.add(listener);
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!this.postgres) {
			return;
		}
		this.listenerThread = new Thread(this::listen, "cluster-events");
		this.listenerThread.setDaemon(true);
		this.listenerThread.start();
	}

	@Override
	public void destroy() {
		this.running = false;
		if (this.listenerThread != null) {
			this.listenerThread.interrupt();
		}
	}

	private void listen() {
		long backoffMillis = 500;
		boolean firstConnection = true;
		while (this.running) {
			try (Connection connection = openListenerConnection()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN " + CHANNEL);
				}
				PGConnection pg = connection.unwrap(PGConnection.class);
				if (!firstConnection) {
					this.resetListeners.forEach(Runnable::run);
				}
				firstConnection = false;
				backoffMillis = 500;
				while (this.running) {
					PGNotification[] notifications = pg.getNotifications(1000);
					if (notifications != null) {
						for (PGNotification notification : notifications) {
							deliver(notification.getParameter());
						}
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (!this.running) {
					return;
				}
				log.warn("Lost the PostgreSQL connection that listens for cluster events ({}); retrying in {} ms",
						ex.getMessage(), backoffMillis);
				try {
					Thread.sleep(backoffMillis);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
				backoffMillis = Math.min(backoffMillis * 2, 10_000);
			}
		}
	}

	/**
	 * A connection of its own, outside the pool, so that listening never takes one from
	 * requests.
	 */
	private Connection openListenerConnection() throws SQLException {
		if (this.dataSource instanceof HikariDataSource hikari) {
			Properties properties = new Properties();
			properties.putAll(hikari.getDataSourceProperties());
			if (hikari.getUsername() != null) {
				properties.setProperty("user", hikari.getUsername());
			}
			if (hikari.getPassword() != null) {
				properties.setProperty("password", hikari.getPassword());
			}
			return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
		}
		return this.dataSource.getConnection();
	}

	private void deliver(String message) {
		int colon = message.indexOf(':');
		if (colon < 0) {
			return;
		}
		List<Consumer<String>> subscribers = this.listeners.get(message.substring(0, colon));
		if (subscribers == null) {
			return;
		}
		String payload = message.substring(colon + 1);
		for (Consumer<String> subscriber : subscribers) {
			try {
				subscriber.accept(payload);
			}
			catch (RuntimeException ex) {
				log.warn("A cluster event listener failed on {}", message, ex);
			}
		}
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgresql");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not reach the database to learn its kind", ex);
		}
	}

}
