package com.smartengage.coupon;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The coupon issue's share of the database connections (see {@link IssueGate}).
 *
 * @param reservedConnections pooled connections coupon issues never take, kept for scans,
 * status updates and everything else; issues hold at most the pool size minus this many
 * at once (at least one)
 * @param issueWait how long an issue waits for its turn when that many are in flight,
 * before it is answered the contract's 500
 */
@ConfigurationProperties("smart-engage.coupon")
public record CouponProperties(@DefaultValue("3") int reservedConnections, @DefaultValue("1s") Duration issueWait) {

	public CouponProperties {
		if (reservedConnections < 0) {
			throw new IllegalArgumentException(
					"smart-engage.coupon.reserved-connections must be 0 or more, not " + reservedConnections);
		}
		if (issueWait.isNegative()) {
			throw new IllegalArgumentException("smart-engage.coupon.issue-wait must not be negative: " + issueWait);
		}
	}

}
