package com.smartengage.client;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Turns a refusal of the server into its typed exception: by the {@code X-Error-Code}
 * header when the server sends one, else by the status and the contract's own sentences
 * (which partners' clients have always matched on, so they never change).
 */
final class ErrorAnswers {

	static final String ERROR_CODE = "X-Error-Code";

	static final String REQUEST_ID = "X-Request-Id";

	static final String RETRY_AFTER = "Retry-After";

	/** How much of a body that is not the contract's JSON goes into the message. */
	private static final int SHOWN = 200;

	private ErrorAnswers() {
	}

	static SmartEngageException from(int status, HttpHeaders headers, byte[] body, Clock clock) {
		String message = errorMessage(status, body);
		String code = headers.firstValue(ERROR_CODE).filter((value) -> !value.isBlank()).orElse(null);
		String requestId = headers.firstValue(REQUEST_ID).filter((value) -> !value.isBlank()).orElse(null);
		if (code != null) {
			switch (code) {
				case ErrorCodes.SESSION_NOT_FOUND:
					return new SessionNotFoundException(status, message, code, requestId);
				case ErrorCodes.ACTION_ALREADY_COMPLETED:
					return new ActionAlreadyCompletedException(status, message, code, requestId);
				case ErrorCodes.INVALID_API_KEY:
					return new InvalidApiKeyException(status, message, code, requestId);
				case ErrorCodes.RATE_LIMITED:
					return new RateLimitedException(status, message, code, requestId, retryAfter(headers, clock));
				case ErrorCodes.SERVER_ERROR:
					return new ServerErrorException(status, message, code, requestId);
				default:
					// A code this SDK does not know yet: the status still says what kind
					// of refusal it is.
			}
		}
		if (status == 401) {
			return new InvalidApiKeyException(status, message, code, requestId);
		}
		if (status == 429) {
			return new RateLimitedException(status, message, code, requestId, retryAfter(headers, clock));
		}
		if (status >= 500) {
			return new ServerErrorException(status, message, code, requestId);
		}
		if (code == null && (status == 404 && message.startsWith("No record with session_id: ")
				|| status == 400 && message.startsWith("Invalid session_id "))) {
			return new SessionNotFoundException(status, message, null, requestId);
		}
		if (code == null && status == 400 && message.startsWith("Action already completed for session_id: ")) {
			return new ActionAlreadyCompletedException(status, message, null, requestId);
		}
		if (status == 400) {
			return new BadRequestException(status, message, code, requestId);
		}
		return new SmartEngageException(status, message, code, requestId);
	}

	/**
	 * The {@code Retry-After} header, in seconds or as an HTTP date; null when missing or
	 * unreadable.
	 */
	static Duration retryAfter(HttpHeaders headers, Clock clock) {
		String value = headers.firstValue(RETRY_AFTER).map(String::strip).orElse("");
		if (value.isEmpty()) {
			return null;
		}
		if (value.chars().allMatch(Character::isDigit)) {
			return (value.length() > 9) ? null : Duration.ofSeconds(Long.parseLong(value));
		}
		try {
			Duration until = Duration.between(clock.instant(),
					ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
			return until.isNegative() ? Duration.ZERO : until;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * The contract's {@code error_msg}; for any other body (a proxy's HTML page, say) its
	 * start, and the status alone for none.
	 */
	private static String errorMessage(int status, byte[] body) {
		try {
			String message = JsonFields.parse(body).optionalText("error_msg");
			if (message != null) {
				return message;
			}
		}
		catch (IllegalArgumentException ex) {
			// Not the contract's body: shown as text below.
		}
		String text = new String(body, StandardCharsets.UTF_8).strip();
		if (text.isEmpty()) {
			return "HTTP " + status + " without a body";
		}
		return (text.length() > SHOWN) ? text.substring(0, SHOWN) + "..." : text;
	}

}
