package com.smartengage.journey;

import java.time.Instant;
import java.util.UUID;

/**
 * A session took a new status: {@code SCANNED} when a scan created it (no previous
 * status), then each step a partner reported. Published inside the transaction that
 * writes it, so a listener that writes too (the webhook outbox) commits or rolls back
 * with it.
 *
 * @param screenId the scanned screen; null for a sandbox session
 * @param test whether it is a sandbox session: only test-mode listeners may act on it
 */
public record SessionStatusChanged(UUID sessionId, long partnerId, long campaignId, Long screenId, String status,
		String previousStatus, Instant changedAt, boolean test) {
}
