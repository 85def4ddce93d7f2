package com.smartengage.campaign;

import java.time.Instant;

/** A campaign shown on a screen, reached through its short slug. */
public record Placement(long id, String slug, long campaignId, long screenId, Instant createdAt) {
}
