package com.smartengage.operations;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.smartengage.support.DatabaseAvailableExtension;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.OwnDatabase;
import com.smartengage.support.ServerProcess;
import com.smartengage.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * A second server started on the H2 file a first one holds stops at once and says why in
 * one sentence, instead of a long trace from deep inside start-up.
 */
@ExtendWith(DatabaseAvailableExtension.class)
class H2FileInUseIntegrationTests {

	@Test
	void aSecondServerOnTheSameH2FileSaysWhyItCannotStart() {
		assumeFalse(TestDatabase.isPostgres(), "only an H2 file can be held by another server");
		try (OwnDatabase database = OwnDatabase.create("se_h2_in_use");
				ServerProcess first = ServerProcess.start("h2-in-use-first", 0, IntegrationTest.ADMIN_TOKEN,
						database.serverArguments())) {
			first.awaitHealthy(Duration.ofSeconds(120));
			try (ServerProcess second = ServerProcess.start("h2-in-use-second", 0, IntegrationTest.ADMIN_TOKEN,
					database.serverArguments())) {
				assertThat(second.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
				String log = second.logText();
				assertThat(log).contains("Another server is already running on the H2 database")
					.contains("Stop that server first")
					.doesNotContain("Caused by")
					.doesNotContain("\tat ");
				assertThat(log.lines().count()).isLessThan(40);
			}
			assertThat(first.isAlive()).isTrue();
			first.terminate();
			first.awaitExit(Duration.ofSeconds(60));
		}
	}

}
