package com.smartengage.analytics;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Read-only transactions in which every statement sees the same snapshot, so that an
 * answer made of rollup rows and pending events never misses an event the rollup step
 * moved in between. PostgreSQL gives that at REPEATABLE READ. H2's REPEATABLE READ does
 * not (a table first read after another transaction's commit shows that commit); its
 * SERIALIZABLE does, without blocking writers.
 */
@Component
class SnapshotReads {

	private final TransactionTemplate transactions;

	SnapshotReads(PlatformTransactionManager transactionManager, DataSource dataSource) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setReadOnly(true);
		// Its own transaction even inside a caller's, whose level could be weaker.
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.transactions.setIsolationLevel(isH2(dataSource) ? TransactionDefinition.ISOLATION_SERIALIZABLE
				: TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	<T> T read(Supplier<T> work) {
		return this.transactions.execute((status) -> work.get());
	}

	int isolationLevel() {
		return this.transactions.getIsolationLevel();
	}

	private static boolean isH2(DataSource dataSource) {
		try {
			String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
			return product != null && product.startsWith("H2");
		}
		catch (MetaDataAccessException ex) {
			// Unknown: the stronger level, which every database here supports.
			return true;
		}
	}

}
