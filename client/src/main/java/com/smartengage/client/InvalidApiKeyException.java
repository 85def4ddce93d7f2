package com.smartengage.client;

/**
 * The API key is missing, unknown or revoked: the contract's
 * {@code 401 API-KEY is invalid}. Never retried.
 *
 * @see ErrorCodes#INVALID_API_KEY
 */
public class InvalidApiKeyException extends SmartEngageException {

	private static final long serialVersionUID = 1L;

	/**
	 * The error as the server answered it.
	 * @param status the HTTP status
	 * @param errorMessage the answer's {@code error_msg}
	 * @param errorCode the {@code X-Error-Code} header, or null without one
	 * @param requestId the {@code X-Request-Id} header, or null without one
	 */
	public InvalidApiKeyException(int status, String errorMessage, String errorCode, String requestId) {
		super(status, errorMessage, errorCode, requestId);
	}

}
