package com.smartengage.journey;

import java.time.Instant;
import java.util.UUID;

/**
 * One shopper's journey as stored.
 *
 * @param placementId the scanned placement; null for a sandbox session
 * @param screenId the scanned placement's screen; null for a sandbox session
 * @param test whether it is a sandbox session, made with a test API key
 */
public record JourneySession(UUID id, long partnerId, long campaignId, Long placementId, Long screenId, String status,
		int stepIndex, boolean ended, Instant rewardedAt, Instant couponIssuedAt, Instant createdAt, Instant updatedAt,
		Instant expiresAt, boolean test) {
}
