package com.smartengage.client;

/**
 * Any other 400: the request cannot succeed as it is, so it is never retried. The error
 * code tells the cases apart where the server sends one (a coupon already issued, no
 * coupons left, the reward step not reached, an expired session, a campaign that is over,
 * bad input); the message says it in words.
 *
 * @see ErrorCodes
 */
public class BadRequestException extends SmartEngageException {

	private static final long serialVersionUID = 1L;

	/**
	 * The error as the server answered it.
	 * @param status the HTTP status
	 * @param errorMessage the answer's {@code error_msg}
	 * @param errorCode the {@code X-Error-Code} header, or null without one
	 * @param requestId the {@code X-Request-Id} header, or null without one
	 */
	public BadRequestException(int status, String errorMessage, String errorCode, String requestId) {
		super(status, errorMessage, errorCode, requestId);
	}

}
