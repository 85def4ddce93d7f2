package com.smartengage.partner;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.smartengage.support.Fixtures;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.ServerTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key revoked while partners are busy using it stops working at once: no request that
 * was in flight during the revocation may put the key back into the cache.
 */
@IntegrationTest
class ApiKeyRevocationIntegrationTests extends ServerTests {

	private static final int ROUNDS = 15;

	private static final int THREADS = 8;

	@Autowired
	ApiKeyService keys;

	@Autowired
	PlatformTransactionManager transactions;

	/**
	 * The sharpest case, made deterministic: another request looks the key up after the
	 * revocation's UPDATE but before its commit, so it still reads the key as active.
	 * What it caches then must not outlive the commit.
	 */
	@Test
	void lookupDuringTheRevocationsTransactionDoesNotKeepTheKeyAlive() {
		Fixtures.World world = this.fixtures.world(1);
		Fixtures.ApiKey key = this.fixtures.apiKey(world.partnerId());
		assertThat(this.keys.authenticate(key.key())).isPresent();
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			this.keys.revoke(key.id());
			Optional<PartnerPrincipal> seenBeforeCommit = CompletableFuture
				.supplyAsync(() -> this.keys.authenticate(key.key()))
				.join();
			assertThat(seenBeforeCommit).as("the revocation is not committed yet").isPresent();
		});
		assertThat(this.keys.authenticate(key.key())).as("after the commit").isEmpty();
		assertThat(this.http.get("/smart-engage/get/session/" + this.fixtures.scan(world.slug()))
			.apiKey(key.key())
			.send()
			.status()).isEqualTo(401);
	}

	@Test
	void revokedKeyStopsAtOnceUnderConcurrentTraffic() throws Exception {
		Fixtures.World world = this.fixtures.world(1);
		String session = this.fixtures.scan(world.slug());
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			for (int round = 0; round < ROUNDS; round++) {
				Fixtures.ApiKey key = this.fixtures.apiKey(world.partnerId());
				String path = "/smart-engage/get/session/" + session;
				assertThat(this.http.get(path).apiKey(key.key()).send().status()).isEqualTo(200);
				AtomicBoolean busy = new AtomicBoolean(true);
				List<Future<?>> callers = new ArrayList<>();
				for (int t = 0; t < THREADS; t++) {
					callers.add(pool.submit(() -> {
						while (busy.get()) {
							this.http.get(path).apiKey(key.key()).send();
						}
					}));
				}
				Thread.sleep(50);
				assertThat(this.http.call("DELETE", "/admin/api/api-keys/" + key.id()).admin().send().status())
					.isEqualTo(204);
				Thread.sleep(200);
				busy.set(false);
				for (Future<?> caller : callers) {
					caller.get(30, TimeUnit.SECONDS);
				}
				for (int i = 0; i < 10; i++) {
					assertThat(this.http.get(path).apiKey(key.key()).send().status())
						.as("round %d: the revoked key must be refused", round)
						.isEqualTo(401);
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
