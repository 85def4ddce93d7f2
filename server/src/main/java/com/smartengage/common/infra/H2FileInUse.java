package com.smartengage.common.infra;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ApplicationListener;

/**
 * A second server started on the H2 file another server holds: refused before anything
 * starts, with one sentence that says why, instead of a wait and a 200-line trace from
 * deep inside the first bean that needs the database. H2 locks its file for the process
 * that opened it; if this process cannot take that lock, another one has it. (Servers in
 * one JVM, as tests start them, share the database, and pass.)
 */
public final class H2FileInUse extends RuntimeException {

	private final String file;

	H2FileInUse(String file) {
		super("The H2 database " + file + " is in use by another server", null, false, false);
		this.file = file;
	}

	/** Checks the data source's H2 file, if it is one, as the environment is ready. */
	public static final class Check implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

		@Override
		public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
			String url = event.getEnvironment().getProperty("spring.datasource.url");
			if (url == null || !url.startsWith("jdbc:h2:file:")) {
				return;
			}
			int semicolon = url.indexOf(';');
			String name = url.substring("jdbc:h2:file:".length(), semicolon < 0 ? url.length() : semicolon);
			Path file = Path.of(name + ".mv.db");
			if (Files.exists(file) && lockedElsewhere(file)) {
				throw new H2FileInUse(name);
			}
		}

		private static boolean lockedElsewhere(Path file) {
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
				FileLock lock = channel.tryLock();
				if (lock == null) {
					return true;
				}
				lock.release();
				return false;
			}
			catch (OverlappingFileLockException ex) {
				// This JVM holds it: servers in one JVM share the database.
				return false;
			}
			catch (IOException ex) {
				// Not ours to judge (permissions, say): H2 will tell.
				return false;
			}
		}

	}

	/** Turns the refusal into Spring Boot's short "APPLICATION FAILED TO START" note. */
	public static final class Analyzer extends AbstractFailureAnalyzer<H2FileInUse> {

		@Override
		protected FailureAnalysis analyze(Throwable rootFailure, H2FileInUse cause) {
			return new FailureAnalysis(
					"Another server is already running on the H2 database " + cause.file
							+ " (its file is locked by another process).",
					"Stop that server first, or give this one a database of its own (SPRING_DATASOURCE_URL, "
							+ "e.g. jdbc:h2:file:./data/second;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE).",
					cause);
		}

	}

}
