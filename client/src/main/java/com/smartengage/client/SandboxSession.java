package com.smartengage.client;

import java.net.URI;

/**
 * A session {@link SmartEngageClient#sandboxScan(long)} started without a phone, for a
 * partner to try its integration.
 *
 * @param sessionId the new session's id
 * @param formUrl the partner's form URL with {@code session_id} added, where the scan
 * would have sent the phone
 */
public record SandboxSession(String sessionId, URI formUrl) {
}
