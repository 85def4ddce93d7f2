package com.smartengage.common.web;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a lost or refused database connection from other failures, so that an outage is
 * logged as one line a request rather than a stack trace each.
 */
final class DatabaseFailures {

	private DatabaseFailures() {
	}

	/**
	 * The message of the connection failure behind {@code ex}, or null when it is
	 * something else.
	 */
	static String connectionFailure(Throwable ex) {
		if (ex instanceof TransactionSystemException failed && failed.getApplicationException() != null) {
			// A rollback that failed after the statement did: the statement's failure
			// tells.
			String first = connectionFailure(failed.getApplicationException());
			if (first != null) {
				return first;
			}
		}
		if (ex instanceof TransactionSystemException failed && failed.getCause() instanceof SQLException sql) {
			// A commit or rollback the driver could not send: the connection is gone.
			return failed.getMessage() + ": " + sql.getMessage();
		}
		boolean fromDriver = false;
		for (Throwable cause = ex; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof SQLTransientConnectionException) {
				return cause.getClass().getSimpleName() + ": " + cause.getMessage();
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				// SQLSTATE class 08: connection exception.
				return cause.getClass().getSimpleName() + ": " + cause.getMessage();
			}
			fromDriver |= cause instanceof SQLException || cause instanceof DataAccessException;
			if (fromDriver && (cause instanceof ConnectException || cause instanceof EOFException
					|| cause instanceof SocketException)) {
				// A socket the JDBC driver was using. The same exceptions from the
				// client's connection (Tomcat's ClientAbortException wraps them) are
				// the client's hang-up, not an outage.
				return cause.getClass().getSimpleName() + ": " + cause.getMessage();
			}
		}
		return null;
	}

}
