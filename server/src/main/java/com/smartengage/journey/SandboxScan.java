package com.smartengage.journey;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to a sandbox scan: the new session and where a real scan would have sent the
 * shopper's phone (the campaign's form with {@code session_id} added, as the scan's 302
 * does).
 */
record SandboxScan(@JsonProperty("session_id") String sessionId, @JsonProperty("form_url") String formUrl) {
}
