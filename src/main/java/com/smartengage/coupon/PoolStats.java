package com.smartengage.coupon;

/** How a campaign's coupon pool stands. */
public record PoolStats(long total, long issued, long redeemed) {

	public long left() {
		return this.total - this.issued;
	}

}
