package com.smartengage.journey;

import java.time.Instant;

/** A step the session reached, and when. */
public record JourneyEvent(String step, Instant at) {
}
