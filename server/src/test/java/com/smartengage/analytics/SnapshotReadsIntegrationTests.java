package com.smartengage.analytics;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.smartengage.support.IntegrationTest;
import com.smartengage.support.ServerTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An analytics read sees one snapshot across all its statements, on both databases: a
 * table it first reads after another transaction's commit still shows the state from
 * before that commit. Otherwise an event the rollup step moves from pending to the
 * rollups between two statements of a read would be counted in neither.
 */
@IntegrationTest
class SnapshotReadsIntegrationTests extends ServerTests {

	@Autowired
	private SnapshotReads reads;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void everyStatementOfAReadSeesTheSameSnapshot() {
		long screen = this.fixtures.screen("Snapshot lobby");
		String seen = this.reads.read(() -> {
			// The read's first statement, on one table ...
			this.jdbc.sql("SELECT COUNT(*) FROM funnel_rollup").query(Long.class).single();
			// ... another transaction commits a change to a second table ...
			CompletableFuture
				.runAsync(
						() -> this.jdbc.sql("UPDATE screen SET location = 'moved' WHERE id = ?").param(screen).update())
				.join();
			// ... which the read, reading that table for the first time, must not see.
			return this.jdbc.sql("SELECT COALESCE(location, 'none') FROM screen WHERE id = ?")
				.param(screen)
				.query(String.class)
				.single();
		});
		assertThat(seen).isEqualTo("none");
		assertThat(this.jdbc.sql("SELECT location FROM screen WHERE id = ?").param(screen).query(String.class).single())
			.isEqualTo("moved");
	}

}
