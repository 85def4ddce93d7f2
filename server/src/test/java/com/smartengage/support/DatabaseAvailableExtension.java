package com.smartengage.support;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Before a PostgreSQL run: in CI ({@code CI=true}) PostgreSQL must answer, else the run
 * fails; on a laptop without it, the tests are skipped with a loud message.
 */
public class DatabaseAvailableExtension implements BeforeAllCallback {

	private static volatile boolean warned;

	@Override
	public void beforeAll(ExtensionContext context) {
		if (!TestDatabase.isPostgres()) {
			return;
		}
		String problem = TestDatabase.postgresProblem();
		if (problem == null) {
			return;
		}
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException("CI=true and PostgreSQL does not answer: " + problem);
		}
		if (!warned) {
			warned = true;
			System.err.println("""

					!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
					!! PostgreSQL is not reachable, so the PostgreSQL integration tests are SKIPPED.    !!
					!! Start it (see README, "Running the tests") or run in CI, where they are required. !!
					!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
					""" + "   cause: " + problem + "\n");
		}
		Assumptions.abort("PostgreSQL is not reachable: " + problem);
	}

}
