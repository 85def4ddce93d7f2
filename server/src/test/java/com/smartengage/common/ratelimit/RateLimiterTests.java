package com.smartengage.common.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RateLimiterTests {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	@Test
	void allowsTheBurstThenRefusesWithTheSecondsUntilTheNextToken() {
		RateLimiter limiter = new RateLimiter(6, 3, 100, this.now::get);
		assertThat(limiter.tryAcquire("a")).isZero();
		assertThat(limiter.tryAcquire("a")).isZero();
		assertThat(limiter.tryAcquire("a")).isZero();
		// 6 a minute: one token every 10 s.
		assertThat(limiter.tryAcquire("a")).isEqualTo(10);
		advance(Duration.ofMillis(9_500));
		assertThat(limiter.tryAcquire("a")).isEqualTo(1);
		advance(Duration.ofMillis(500));
		assertThat(limiter.tryAcquire("a")).isZero();
		assertThat(limiter.tryAcquire("a")).isEqualTo(10);
	}

	@Test
	void keepsOneBucketPerKey() {
		RateLimiter limiter = new RateLimiter(1, 1, 100, this.now::get);
		assertThat(limiter.tryAcquire("a")).isZero();
		assertThat(limiter.tryAcquire("a")).isEqualTo(60);
		assertThat(limiter.tryAcquire("b")).isZero();
	}

	@Test
	void refillsNoMoreThanTheBurst() {
		RateLimiter limiter = new RateLimiter(60, 2, 100, this.now::get);
		limiter.tryAcquire("a");
		advance(Duration.ofHours(5));
		assertThat(limiter.tryAcquire("a")).isZero();
		assertThat(limiter.tryAcquire("a")).isZero();
		assertThat(limiter.tryAcquire("a")).isEqualTo(1);
	}

	@Test
	void checkLooksWithoutTakingAndChargeTakes() {
		RateLimiter limiter = new RateLimiter(1, 2, 100, this.now::get);
		assertThat(limiter.check("a")).isZero();
		assertThat(limiter.check("a")).isZero();
		limiter.charge("a");
		assertThat(limiter.check("a")).isZero();
		limiter.charge("a");
		assertThat(limiter.check("a")).isEqualTo(60);
		limiter.charge("a");
		assertThat(limiter.check("a")).as("a charge never goes below empty").isEqualTo(60);
	}

	@Test
	void holdsNoMoreBucketsThanItsBoundUnderAFloodOfKeys() {
		RateLimiter limiter = new RateLimiter(10, 10, 1_000, this.now::get);
		for (int i = 0; i < 100_000; i++) {
			limiter.tryAcquire("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255));
		}
		assertThat(limiter.size()).isLessThanOrEqualTo(1_000);
	}

	@Test
	void forgetsABucketOnceItWouldBeFullAgain() {
		RateLimiter limiter = new RateLimiter(60, 5, 100, this.now::get);
		limiter.tryAcquire("a");
		assertThat(limiter.size()).isEqualTo(1);
		advance(Duration.ofSeconds(7));
		assertThat(limiter.size()).isZero();
	}

	@Test
	void refusesLimitsBelowOne() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RateLimitProperties(true, 0, 1, true, 1, 1, true, 1, 1, 1))
			.withMessageContaining("smart-engage.rate-limit.scan-per-minute must be at least 1");
	}

	private void advance(Duration duration) {
		this.now.addAndGet(duration.toNanos());
	}

}
