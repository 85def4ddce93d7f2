package com.smartengage.common.ratelimit;

import java.time.Duration;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Token buckets, one per key (a client IP address, an API key's id), held in a bounded
 * Caffeine cache. A bucket starts full at {@code burst} tokens and refills at
 * {@code perMinute} tokens a minute. A bucket left alone long enough to be full again is
 * dropped, which loses nothing; under a flood of more distinct keys than {@code maxKeys},
 * the least used buckets are dropped first, so memory stays bounded. The count is per
 * server instance.
 */
public final class RateLimiter {

	private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

	private final double burst;

	private final double tokensPerNano;

	private final LongSupplier nanoTime;

	private final Cache<String, Bucket> buckets;

	public RateLimiter(int perMinute, int burst, long maxKeys) {
		this(perMinute, burst, maxKeys, System::nanoTime);
	}

	RateLimiter(int perMinute, int burst, long maxKeys, LongSupplier nanoTime) {
		this.burst = burst;
		this.tokensPerNano = (double) perMinute / NANOS_PER_MINUTE;
		this.nanoTime = nanoTime;
		long refillNanos = (long) Math.ceil(burst / this.tokensPerNano);
		this.buckets = Caffeine.newBuilder()
			.maximumSize(maxKeys)
			.expireAfterAccess(Duration.ofNanos(refillNanos).plusSeconds(1))
			.ticker(nanoTime::getAsLong)
			.build();
	}

	/**
	 * Takes a token from the key's bucket: 0 when there was one, else the whole seconds
	 * (at least 1) until there will be.
	 */
	public long tryAcquire(String key) {
		return bucket(key).take(this.nanoTime.getAsLong(), true);
	}

	/**
	 * Whether the key's bucket holds a token, without taking it: 0 when it does, else the
	 * whole seconds (at least 1) until it will.
	 */
	public long check(String key) {
		Bucket bucket = this.buckets.getIfPresent(key);
		return bucket == null ? 0 : bucket.take(this.nanoTime.getAsLong(), false);
	}

	/** Takes a token from the key's bucket if it holds one. */
	public void charge(String key) {
		tryAcquire(key);
	}

	/** How many buckets are held now (for tests of the memory bound). */
	long size() {
		this.buckets.cleanUp();
		return this.buckets.estimatedSize();
	}

	private Bucket bucket(String key) {
		return this.buckets.get(key, (k) -> new Bucket(this.burst, this.nanoTime.getAsLong()));
	}

	private final class Bucket {

		private double tokens;

		private long updatedAt;

		Bucket(double tokens, long now) {
			this.tokens = tokens;
			this.updatedAt = now;
		}

		synchronized long take(long now, boolean consume) {
			long elapsed = Math.max(0, now - this.updatedAt);
			this.tokens = Math.min(RateLimiter.this.burst, this.tokens + elapsed * RateLimiter.this.tokensPerNano);
			this.updatedAt = now;
			if (this.tokens >= 1) {
				if (consume) {
					this.tokens -= 1;
				}
				return 0;
			}
			double nanos = (1 - this.tokens) / RateLimiter.this.tokensPerNano;
			return Math.max(1, (long) Math.ceil(nanos / 1e9));
		}

	}

}
