package com.smartengage.journey;

import java.time.Instant;
import java.util.UUID;

/** One shopper's journey as stored. */
public record JourneySession(UUID id, long partnerId, long campaignId, long placementId, long screenId, String status,
		int stepIndex, boolean ended, Instant rewardedAt, Instant couponIssuedAt, Instant createdAt, Instant updatedAt,
		Instant expiresAt) {
}
