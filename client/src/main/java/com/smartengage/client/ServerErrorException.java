package com.smartengage.client;

/**
 * Something unexpected went wrong on the server (any 5xx, such as the contract's
 * {@code 500 Internal error occured, please check with our team}), still so after the
 * client's retries.
 *
 * @see ErrorCodes#SERVER_ERROR
 */
public class ServerErrorException extends SmartEngageException {

	private static final long serialVersionUID = 1L;

	/**
	 * The error as the server answered it.
	 * @param status the HTTP status
	 * @param errorMessage the answer's {@code error_msg}
	 * @param errorCode the {@code X-Error-Code} header, or null without one
	 * @param requestId the {@code X-Request-Id} header, or null without one
	 */
	public ServerErrorException(int status, String errorMessage, String errorCode, String requestId) {
		super(status, errorMessage, errorCode, requestId);
	}

}
