package com.smartengage.client;

import java.time.Duration;
import java.util.Optional;

/**
 * Too many requests with this API key: the server's {@code 429}, still so after the
 * client's retries, or with a {@code Retry-After} longer than the client may wait (see
 * {@link SmartEngageClient.Builder#maxRetryAfter(Duration)}).
 *
 * @see ErrorCodes#RATE_LIMITED
 */
public class RateLimitedException extends SmartEngageException {

	private static final long serialVersionUID = 1L;

	/** The {@code Retry-After} header, or null. */
	private final Duration retryAfter;

	/**
	 * The error as the server answered it.
	 * @param status the HTTP status (429)
	 * @param errorMessage the answer's {@code error_msg}
	 * @param errorCode the {@code X-Error-Code} header, or null without one
	 * @param requestId the {@code X-Request-Id} header, or null without one
	 * @param retryAfter the answer's {@code Retry-After}, or null without one
	 */
	public RateLimitedException(int status, String errorMessage, String errorCode, String requestId,
			Duration retryAfter) {
		super(status, errorMessage, errorCode, requestId);
		this.retryAfter = retryAfter;
	}

	/**
	 * How long the server asked to wait before the next request ({@code Retry-After}).
	 * @return the wait, or empty when the answer had no readable {@code Retry-After}
	 */
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

}
