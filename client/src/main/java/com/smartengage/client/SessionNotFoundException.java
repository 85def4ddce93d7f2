package com.smartengage.client;

/**
 * No session with that id for this partner: the contract's
 * {@code 404 No record with session_id: <id>} of the status update and the session view,
 * and the {@code 400 Invalid session_id <id>} of the coupon issue (which keeps its own
 * status).
 *
 * @see ErrorCodes#SESSION_NOT_FOUND
 */
public class SessionNotFoundException extends SmartEngageException {

	private static final long serialVersionUID = 1L;

	/**
	 * The error as the server answered it.
	 * @param status the HTTP status
	 * @param errorMessage the answer's {@code error_msg}
	 * @param errorCode the {@code X-Error-Code} header, or null without one
	 * @param requestId the {@code X-Request-Id} header, or null without one
	 */
	public SessionNotFoundException(int status, String errorMessage, String errorCode, String requestId) {
		super(status, errorMessage, errorCode, requestId);
	}

}
