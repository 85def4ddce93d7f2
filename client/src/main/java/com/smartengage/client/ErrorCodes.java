package com.smartengage.client;

/**
 * The stable error codes the server sends in the {@code X-Error-Code} header of its
 * refusals, as {@link SmartEngageException#errorCode()} shows them. The server may add
 * codes; an unknown one still comes with the right exception type for its status.
 */
public final class ErrorCodes {

	/** No session with that id for this partner. */
	public static final String SESSION_NOT_FOUND = "session_not_found";

	/** The session already is at the status sent, or past it. */
	public static final String ACTION_ALREADY_COMPLETED = "action_already_completed";

	/** The session already has its coupon. */
	public static final String COUPON_ALREADY_ISSUED = "coupon_already_issued";

	/** The campaign has no coupons left. */
	public static final String POOL_EMPTY = "pool_empty";

	/** The session has not reached the step that earns the coupon. */
	public static final String STEP_NOT_REACHED = "step_not_reached";

	/** The API key is missing, unknown or revoked. */
	public static final String INVALID_API_KEY = "invalid_api_key";

	/** Too many requests with this API key; wait for the {@code Retry-After}. */
	public static final String RATE_LIMITED = "rate_limited";

	/** Something unexpected went wrong on the server. */
	public static final String SERVER_ERROR = "server_error";

	private ErrorCodes() {
	}

}
