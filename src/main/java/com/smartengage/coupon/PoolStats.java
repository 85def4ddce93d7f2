package com.smartengage.coupon;

/** How a campaign's coupon pool stands. */
public record PoolStats(long total, long issued, long redeemed) {

	/** A campaign without a single code. */
	public static final PoolStats EMPTY = new PoolStats(0, 0, 0);

	public long left() {
		return this.total - this.issued;
	}

}
