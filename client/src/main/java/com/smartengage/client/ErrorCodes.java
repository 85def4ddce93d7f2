package com.smartengage.client;

/**
 * The stable error codes the server sends in the {@code X-Error-Code} header of its
 * refusals, as {@link SmartEngageException#errorCode()} shows them: match on these rather
 * than on the messages. A code never changes once published; the server may add codes,
 * and an unknown one still comes with the right exception type for its status.
 */
public final class ErrorCodes {

	/**
	 * A malformed body, a missing or blank field, or another 400 without a code of its
	 * own.
	 */
	public static final String INVALID_REQUEST = "invalid_request";

	/** No session with that id for this partner ({@link SessionNotFoundException}). */
	public static final String SESSION_NOT_FOUND = "session_not_found";

	/**
	 * The session already is at the status sent, or past it
	 * ({@link ActionAlreadyCompletedException}).
	 */
	public static final String ACTION_ALREADY_COMPLETED = "action_already_completed";

	/** The status sent is not a step of the session's flow. */
	public static final String UNKNOWN_STATUS = "unknown_status";

	/** The session's lifetime has passed: it takes no more status updates. */
	public static final String SESSION_EXPIRED = "session_expired";

	/** The session already has its coupon. */
	public static final String COUPON_ALREADY_ISSUED = "coupon_already_issued";

	/** The session has not reached the step that earns the coupon. */
	public static final String STEP_NOT_REACHED = "step_not_reached";

	/** The campaign is over: no more coupons are issued. */
	public static final String CAMPAIGN_ENDED = "campaign_ended";

	/** The campaign has no coupons left. */
	public static final String POOL_EMPTY = "pool_empty";

	/** No coupon of this partner has that code. */
	public static final String COUPON_NOT_FOUND = "coupon_not_found";

	/** The code exists but was not issued to a shopper yet. */
	public static final String COUPON_NOT_ISSUED = "coupon_not_issued";

	/** The coupon was redeemed before. */
	public static final String COUPON_ALREADY_REDEEMED = "coupon_already_redeemed";

	/** The coupon's validity has passed. */
	public static final String COUPON_EXPIRED = "coupon_expired";

	/** The idempotency key was used before with a different request. */
	public static final String IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused";

	/** The API key is missing, unknown or revoked ({@link InvalidApiKeyException}). */
	public static final String INVALID_API_KEY = "invalid_api_key";

	/**
	 * Too many requests with this API key; wait for the {@code Retry-After}
	 * ({@link RateLimitedException}).
	 */
	public static final String RATE_LIMITED = "rate_limited";

	/** The request body is larger than the server takes (16 KiB). */
	public static final String PAYLOAD_TOO_LARGE = "payload_too_large";

	/** No route answers this method and path (a server without the call). */
	public static final String NOT_FOUND = "not_found";

	/** A sandbox call made with a live API key: sandbox calls need a test key. */
	public static final String SANDBOX_NEEDS_TEST_KEY = "sandbox_needs_test_key";

	/** A sandbox scan without a campaign, while the partner has several. */
	public static final String CAMPAIGN_REQUIRED = "campaign_required";

	/** No campaign of this partner has that id. */
	public static final String CAMPAIGN_NOT_FOUND = "campaign_not_found";

	/**
	 * The server was too busy to issue the coupon in time; nothing was claimed, so a
	 * retry is safe ({@link ServerErrorException}).
	 */
	public static final String SERVER_BUSY = "server_busy";

	/** Something unexpected went wrong on the server ({@link ServerErrorException}). */
	public static final String SERVER_ERROR = "server_error";

	private ErrorCodes() {
	}

}
