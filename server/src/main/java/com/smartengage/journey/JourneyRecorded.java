package com.smartengage.journey;

/**
 * A journey event was appended: a scan, a step, a coupon issued or redeemed. Published
 * inside the transaction that writes it; listen after commit.
 */
public record JourneyRecorded(long campaignId, long screenId, String step) {
}
