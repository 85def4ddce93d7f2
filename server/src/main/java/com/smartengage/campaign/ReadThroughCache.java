package com.smartengage.campaign;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A short-lived cache in front of the database on the hot paths, whose misses never make
 * one request wait for another. Caffeine's {@code get(key, loader)} makes every caller of
 * a key wait for the load in progress; with the database down each load takes the whole
 * connection timeout and the waiting callers then load one after another, so requests for
 * a hot key pile up (the outage test saw scans take 8 s). Here each caller that misses
 * loads on its own, and a load that overlapped an invalidation is not cached, so it
 * cannot bring back what the invalidation removed.
 *
 * @param <K> the key
 * @param <V> the value
 */
public final class ReadThroughCache<K, V> {

	private final Cache<K, V> cache;

	/** Counts invalidations, so that a load that raced one does not cache its answer. */
	private final AtomicLong invalidations = new AtomicLong();

	public ReadThroughCache(Duration ttl, long maximumSize) {
		this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maximumSize).build();
	}

	/**
	 * The cached value, or the loader's (cached unless an invalidation overlapped); the
	 * loader's exceptions pass through and nothing is cached.
	 */
	public V get(K key, Function<K, V> loader) {
		V cached = this.cache.getIfPresent(key);
		if (cached != null) {
			return cached;
		}
		long generation = this.invalidations.get();
		V loaded = loader.apply(key);
		if (loaded != null && this.invalidations.get() == generation) {
			this.cache.put(key, loaded);
		}
		return loaded;
	}

	public void invalidate(K key) {
		this.invalidations.incrementAndGet();
		this.cache.invalidate(key);
	}

	public void invalidateAll() {
		this.invalidations.incrementAndGet();
		this.cache.invalidateAll();
	}

}
