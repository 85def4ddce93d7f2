package com.smartengage.common.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseFailuresTests {

	@Test
	void recognisesAConnectionThatCouldNotBeHad() {
		assertThat(DatabaseFailures.connectionFailure(new CannotCreateTransactionException("Could not open",
				new SQLTransientConnectionException("pool - Connection is not available"))))
			.isEqualTo("SQLTransientConnectionException: pool - Connection is not available");
		assertThat(DatabaseFailures.connectionFailure(new CannotGetJdbcConnectionException("Failed",
				new SQLException("refused", "08001", new ConnectException("Connection refused")))))
			.isEqualTo("SQLException: refused");
	}

	@Test
	void recognisesAStatementWhoseConnectionBrokeBehindAFailedRollback() {
		TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));
		rollback.initApplicationException(new SQLException("An I/O error occurred", "08006"));
		assertThat(DatabaseFailures.connectionFailure(rollback)).isEqualTo("SQLException: An I/O error occurred");
	}

	@Test
	void recognisesACommitOrRollbackTheDriverCouldNotSend() {
		assertThat(DatabaseFailures.connectionFailure(
				new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"))))
			.isEqualTo("JDBC rollback failed: Connection is closed");
	}

	@Test
	void leavesOtherFailuresAlone() {
		assertThat(DatabaseFailures.connectionFailure(new IllegalStateException("bug"))).isNull();
		assertThat(DatabaseFailures.connectionFailure(new SQLException("syntax error", "42601"))).isNull();
	}

	@Test
	void aClientThatHungUpIsNotADatabaseOutage() {
		assertThat(DatabaseFailures
			.connectionFailure(new org.apache.catalina.connector.ClientAbortException(new java.io.EOFException())))
			.isNull();
		assertThat(DatabaseFailures
			.connectionFailure(new java.io.UncheckedIOException(new java.net.SocketException("reset")))).isNull();
		assertThat(DatabaseFailures.connectionFailure(new org.springframework.dao.DataAccessResourceFailureException(
				"lost", new SQLException("I/O", (String) null, new java.io.EOFException()))))
			.isEqualTo("EOFException: null");
	}

}
