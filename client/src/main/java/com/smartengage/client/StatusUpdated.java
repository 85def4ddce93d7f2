package com.smartengage.client;

/**
 * The answer to {@link SmartEngageClient#updateSessionStatus(String, String)}: the
 * session moved to the new status.
 *
 * @param message the contract's {@code Status updated successfully}
 */
public record StatusUpdated(String message) {
}
