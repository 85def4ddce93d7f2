package com.smartengage.coupon;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.jdbc.DataSourceUnwrapper;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Bounds how many coupon issues hold a database connection at once, so that slow issues
 * can never take the whole pool. An issue can be slow for reasons of its own (a claim
 * that walked millions of codes on H2, a session row locked by a concurrent update, a
 * slow disk); without a bound, a burst of them held every connection and the scans of
 * unrelated campaigns waited out the pool's timeout and got the contract's 500. Issues
 * now leave {@link CouponProperties#reservedConnections()} of the pool to everything
 * else. An issue takes its turn before its transaction takes a connection, waits at most
 * {@link CouponProperties#issueWait()}, and otherwise is answered the contract's 500,
 * which a partner retries.
 */
@Component
class IssueGate {

	private static final Logger log = LoggerFactory.getLogger(IssueGate.class);

	private final Semaphore turns;

	private final int size;

	private final long waitNanos;

	private static final long WARNING_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

	private final AtomicLong refused = new AtomicLong();

	private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL_NANOS);

	IssueGate(CouponProperties properties, DataSource dataSource) {
		int pool = poolSize(dataSource);
		this.size = Math.max(1, pool - properties.reservedConnections());
		this.turns = new Semaphore(this.size, true);
		this.waitNanos = properties.issueWait().toNanos();
		log.info("Coupon issues hold at most {} of the {} pooled database connections at once", this.size, pool);
	}

	/** Runs the issue (its transaction included) in its turn. */
	<T> T run(Supplier<T> issue) {
		boolean acquired;
		try {
			acquired = this.turns.tryAcquire(this.waitNanos, TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			acquired = false;
		}
		if (!acquired) {
			long refused = this.refused.incrementAndGet();
			long now = System.nanoTime();
			long last = this.lastWarning.get();
			// One line per burst, not one per refused issue.
			if (now - last >= WARNING_INTERVAL_NANOS && this.lastWarning.compareAndSet(last, now)) {
				log.warn("Coupon issues refused: {} issues held their connections for longer than an issue may wait "
						+ "({} refused since start)", this.size, refused);
			}
			throw new IssuesBusyException();
		}
		try {
			return issue.get();
		}
		finally {
			this.turns.release();
		}
	}

	/** How many issues may hold a connection at once. */
	int size() {
		return this.size;
	}

	/** The pool's size; Hikari's default for a data source that does not say. */
	private static int poolSize(DataSource dataSource) {
		HikariDataSource hikari = DataSourceUnwrapper.unwrap(dataSource, HikariDataSource.class);
		return (hikari != null) ? hikari.getMaximumPoolSize() : 10;
	}

}
