package com.smartengage.client;

import java.time.Duration;
import java.util.Random;

/**
 * How often and after how long a call is tried again: the wait doubles from
 * {@code initialBackoff} up to {@code maxBackoff}, each one drawn at random from its
 * upper half (so that many clients that failed together do not come back together), and
 * is at least the {@code Retry-After} the server asked for.
 *
 * @param maxRetries attempts after the first
 * @param initialBackoff the wait before the first retry, at most
 * @param maxBackoff the longest wait between attempts, unless the server asks for more
 * @param maxRetryAfter the longest {@code Retry-After} the client waits for; a longer one
 * ends the call with its exception at once
 */
record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

	/** The wait before retry number {@code retry} (0 for the first). */
	Duration delay(int retry, Duration retryAfter, Random random) {
		long ceiling = this.maxBackoff.toMillis();
		long backoff = this.initialBackoff.toMillis();
		for (int i = 0; i < retry && backoff < ceiling; i++) {
			backoff *= 2;
		}
		backoff = Math.min(backoff, ceiling);
		long jittered = backoff / 2 + (long) (random.nextDouble() * (backoff - backoff / 2));
		Duration wait = Duration.ofMillis(jittered);
		return (retryAfter != null && retryAfter.compareTo(wait) > 0) ? retryAfter : wait;
	}

}
