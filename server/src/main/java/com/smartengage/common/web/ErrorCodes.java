package com.smartengage.common.web;

/**
 * The stable, machine-readable code of every error answer, sent in the {@value #HEADER}
 * header beside the contract's unchanged {@code {"error_msg": ...}} body, so that a
 * program can tell apart errors that share a status. A code never changes once published;
 * new ones may be added. Where a case has no code of its own, its status gives one
 * ({@link #forStatus}).
 */
public final class ErrorCodes {

	/** The header that carries the code on every error answer. */
	public static final String HEADER = "X-Error-Code";

	public static final String INVALID_REQUEST = "invalid_request";

	public static final String SESSION_NOT_FOUND = "session_not_found";

	public static final String ACTION_ALREADY_COMPLETED = "action_already_completed";

	public static final String UNKNOWN_STATUS = "unknown_status";

	public static final String SESSION_EXPIRED = "session_expired";

	public static final String COUPON_ALREADY_ISSUED = "coupon_already_issued";

	public static final String STEP_NOT_REACHED = "step_not_reached";

	public static final String CAMPAIGN_ENDED = "campaign_ended";

	public static final String POOL_EMPTY = "pool_empty";

	public static final String COUPON_NOT_FOUND = "coupon_not_found";

	public static final String COUPON_NOT_ISSUED = "coupon_not_issued";

	public static final String COUPON_ALREADY_REDEEMED = "coupon_already_redeemed";

	public static final String COUPON_EXPIRED = "coupon_expired";

	public static final String IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused";

	/** A live API key on a sandbox call (403). */
	public static final String SANDBOX_NEEDS_TEST_KEY = "sandbox_needs_test_key";

	/** A sandbox scan without campaign_id for a partner with several campaigns (400). */
	public static final String CAMPAIGN_REQUIRED = "campaign_required";

	/** A sandbox scan of a campaign the caller does not have (404). */
	public static final String CAMPAIGN_NOT_FOUND = "campaign_not_found";

	public static final String INVALID_API_KEY = "invalid_api_key";

	public static final String UNAUTHORIZED = "unauthorized";

	public static final String RATE_LIMITED = "rate_limited";

	public static final String PAYLOAD_TOO_LARGE = "payload_too_large";

	public static final String SERVER_BUSY = "server_busy";

	public static final String SERVER_ERROR = "server_error";

	private ErrorCodes() {
	}

	/** The code of an error that has none of its own: its status's. */
	public static String forStatus(int status) {
		return switch (status) {
			case 400 -> INVALID_REQUEST;
			case 401 -> UNAUTHORIZED;
			case 403 -> "forbidden";
			case 404 -> "not_found";
			case 405 -> "method_not_allowed";
			case 406 -> "not_acceptable";
			case 409 -> "conflict";
			case 413 -> PAYLOAD_TOO_LARGE;
			case 415 -> "unsupported_media_type";
			case 429 -> RATE_LIMITED;
			case 503 -> "unavailable";
			default -> status >= 500 ? SERVER_ERROR : INVALID_REQUEST;
		};
	}

}
