package com.smartengage.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The server's clock in integration tests: the real time, unless a test sets it. A test
 * that sets it resets it when it ends, since all integration tests share the server.
 */
public final class TestClock extends Clock {

	private static final Clock SYSTEM = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));

	private volatile Instant fixed;

	public void set(Instant instant) {
		this.fixed = instant;
	}

	public void reset() {
		this.fixed = null;
	}

	@Override
	public Instant instant() {
		Instant now = this.fixed;
		return now != null ? now : SYSTEM.instant();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("The server reads UTC");
	}

}
