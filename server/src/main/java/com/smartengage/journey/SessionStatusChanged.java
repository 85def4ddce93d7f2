package com.smartengage.journey;

import java.time.Instant;
import java.util.UUID;

/**
 * A session took a new status: {@code SCANNED} when a scan created it (no previous
 * status), then each step a partner reported. Published inside the transaction that
 * writes it, so a listener that writes too (the webhook outbox) commits or rolls back
 * with it.
 */
public record SessionStatusChanged(UUID sessionId, long partnerId, long campaignId, long screenId, String status,
		String previousStatus, Instant changedAt) {
}
