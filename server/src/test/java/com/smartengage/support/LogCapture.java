package com.smartengage.support;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * What the server in this JVM logs while the capture is open: every event of every
 * logger, as its message and its stack trace (if any), so that a test can check that a
 * request was logged in one line, without a stack trace and without a value it must not
 * show. Close it to detach.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

	/**
	 * One event: its level, logger, formatted message, stack trace (or empty) and the
	 * request id it was logged under (or null).
	 */
	public record Line(String level, String logger, String message, String stackTrace, String requestId) {

		public boolean hasStackTrace() {
			return !this.stackTrace.isEmpty();
		}

		/** The whole event as text, for searching. */
		public String text() {
			return this.level + " " + this.logger + " " + this.message + "\n" + this.stackTrace;
		}

	}

	private final List<Line> lines = new ArrayList<>();

	private final Logger root;

	private LogCapture() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		this.root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		setContext(context);
		setName("test-capture");
		start();
		this.root.addAppender(this);
	}

	/** Starts capturing. */
	public static LogCapture open() {
		return new LogCapture();
	}

	@Override
	protected void append(ILoggingEvent event) {
		IThrowableProxy thrown = event.getThrowableProxy();
		Line line = new Line(event.getLevel().toString(), event.getLoggerName(), event.getFormattedMessage(),
				thrown == null ? "" : ThrowableProxyUtil.asString(thrown), event.getMDCPropertyMap().get("request_id"));
		synchronized (this.lines) {
			this.lines.add(line);
		}
	}

	/** The events so far. */
	public List<Line> lines() {
		synchronized (this.lines) {
			return List.copyOf(this.lines);
		}
	}

	/** The events so far whose text contains {@code text}. */
	public List<Line> containing(String text) {
		return lines().stream().filter((line) -> line.text().contains(text)).toList();
	}

	@Override
	public void close() {
		this.root.detachAppender(this);
		stop();
	}

}
