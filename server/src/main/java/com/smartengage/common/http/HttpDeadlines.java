package com.smartengage.common.http;

/**
 * The deadlines of {@link HttpDeadlineProperties} as arithmetic on
 * {@code System.nanoTime()} values, apart from Tomcat so that they can be tested alone.
 * Both body rules are one: after the grace, bytes are owed at the minimum rate, and a
 * request is late once it owes more than it has sent (or, for a body the application left
 * unread, more than is left to send).
 */
record HttpDeadlines(long headerTimeoutNanos, long bodyGraceNanos, int bodyMinRate) {

	static HttpDeadlines of(HttpDeadlineProperties properties) {
		return new HttpDeadlines(properties.headerTimeout().toNanos(), properties.bodyGrace().toNanos(),
				properties.bodyMinRate());
	}

	/** Whether headers whose first byte came at {@code startNanos} are late now. */
	boolean headersLate(long startNanos, long nowNanos) {
		return nowNanos - startNanos > this.headerTimeoutNanos;
	}

	/**
	 * Whether a body awaited since {@code sinceNanos} is late now, with {@code bytes} of
	 * it arrived (or, for a body the application left unread, still to come).
	 */
	boolean bodyLate(long sinceNanos, long nowNanos, long bytes) {
		long afterGrace = nowNanos - sinceNanos - this.bodyGraceNanos;
		return afterGrace > 0 && (double) afterGrace * this.bodyMinRate / 1e9 > bytes;
	}

}
