package com.smartengage.analytics;

/**
 * Seconds from the scan, rounded down to what the rollups keep: exact below 100 s, then
 * two significant digits (100, 110, ... 990, 1000, 1100, ...), so a bucket is never wider
 * than a tenth of its value and a day of seconds fits in a few hundred buckets.
 */
final class TimeBuckets {

	/** Below this many seconds every second is its own bucket. */
	static final long EXACT_BELOW = 100;

	private TimeBuckets() {
	}

	/** The bucket of a time, named by the smallest number of seconds it holds. */
	static long of(long seconds) {
		if (seconds < EXACT_BELOW) {
			return Math.max(0, seconds);
		}
		long step = 1;
		while (seconds / step >= EXACT_BELOW) {
			step *= 10;
		}
		return seconds / step * step;
	}

}
