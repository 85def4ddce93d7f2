package com.smartengage.client;

/**
 * The session already is at the status sent, or past it: the contract's
 * {@code 400 Action already completed for session_id: <id>}. Steps only move forward, so
 * a partner that reports a step twice (after a crash, say) can treat this as done.
 *
 * @see ErrorCodes#ACTION_ALREADY_COMPLETED
 */
public class ActionAlreadyCompletedException extends SmartEngageException {

	private static final long serialVersionUID = 1L;

	/**
	 * The error as the server answered it.
	 * @param status the HTTP status
	 * @param errorMessage the answer's {@code error_msg}
	 * @param errorCode the {@code X-Error-Code} header, or null without one
	 * @param requestId the {@code X-Request-Id} header, or null without one
	 */
	public ActionAlreadyCompletedException(int status, String errorMessage, String errorCode, String requestId) {
		super(status, errorMessage, errorCode, requestId);
	}

}
