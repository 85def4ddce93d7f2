package com.smartengage.campaign;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ReadThroughCacheTests {

	private final ReadThroughCache<String, String> cache = new ReadThroughCache<>(Duration.ofMinutes(1), 100);

	@Test
	void servesTheLoadedValueFromMemoryAfterwards() {
		AtomicInteger loads = new AtomicInteger();
		assertThat(this.cache.get("a", (k) -> k + loads.incrementAndGet())).isEqualTo("a1");
		assertThat(this.cache.get("a", (k) -> k + loads.incrementAndGet())).isEqualTo("a1");
		assertThat(loads).hasValue(1);
	}

	@Test
	void neverMakesAMissWaitForAnotherCallersSlowLoad() throws Exception {
		CountDownLatch loading = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> this.cache.get("a", (k) -> {
			loading.countDown();
			await(release);
			return "slow";
		}));
		try {
			assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();
			CompletableFuture<String> fast = CompletableFuture.supplyAsync(() -> this.cache.get("a", (k) -> "fast"));
			assertThat(fast.get(2, TimeUnit.SECONDS)).isEqualTo("fast");
		}
		finally {
			release.countDown();
		}
		assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("slow");
	}

	@Test
	void doesNotCacheALoadThatAnInvalidationOverlapped() {
		assertThat(this.cache.get("a", (k) -> {
			this.cache.invalidate("a");
			return "stale";
		})).isEqualTo("stale");
		assertThat(this.cache.get("a", (k) -> "fresh")).isEqualTo("fresh");
	}

	@Test
	void cachesNothingWhenTheLoadFails() {
		assertThatIllegalStateException().isThrownBy(() -> this.cache.get("a", (k) -> {
			throw new IllegalStateException("database down");
		})).withMessage("database down");
		assertThat(this.cache.get("a", (k) -> "back")).isEqualTo("back");
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
