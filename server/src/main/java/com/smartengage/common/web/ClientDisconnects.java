package com.smartengage.common.web;

import java.sql.SQLException;

import org.apache.catalina.connector.ClientAbortException;
import org.apache.coyote.BadRequestException;

import org.springframework.dao.DataAccessException;

/**
 * Tells a client that hung up or sent a body Tomcat could not read (a broken chunk, a
 * connection closed mid-body) from a failure of the server or its database. Tomcat throws
 * these as {@link BadRequestException} ({@link ClientAbortException} when the client is
 * gone); their causes are the same {@code EOFException} and {@code SocketException} that
 * a lost database connection shows, so only where they come from tells the two apart.
 */
final class ClientDisconnects {

	private ClientDisconnects() {
	}

	/** Whether the client hung up: there is nobody left to answer. */
	static boolean isDisconnect(Throwable ex) {
		return find(ex) instanceof ClientAbortException;
	}

	/** Whether the client hung up or sent a request body that cannot be read. */
	static boolean isClientFailure(Throwable ex) {
		return find(ex) != null;
	}

	private static BadRequestException find(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof SQLException || cause instanceof DataAccessException) {
				return null;
			}
			if (cause instanceof BadRequestException bad) {
				return bad;
			}
		}
		return null;
	}

}
