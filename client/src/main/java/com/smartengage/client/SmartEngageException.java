package com.smartengage.client;

import java.util.Optional;

/**
 * A partner API call that did not succeed: the server refused it, or no answer came. Each
 * error of the contract has a subclass of its own; this class itself stands for any other
 * refusal (an unknown route, a body too large, an answer that is not the expected JSON).
 * <p>
 * It carries what the server said: the HTTP status, the contract's {@code error_msg},
 * and, when the server sends them, the stable error code of its {@code X-Error-Code}
 * header and the request id of its {@code X-Request-Id} header (quote that one to the
 * Smart Engage team).
 */
public class SmartEngageException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** The HTTP status, 0 without an answer. */
	private final int status;

	/** The answer's {@code error_msg}. */
	private final String errorMessage;

	/** The {@code X-Error-Code} header, or null. */
	private final String errorCode;

	/** The {@code X-Request-Id} header, or null. */
	private final String requestId;

	/**
	 * An error the server answered.
	 * @param status the HTTP status, or 0 when no answer came
	 * @param errorMessage the answer's {@code error_msg}, or a description of the failure
	 * @param errorCode the {@code X-Error-Code} header, or null without one
	 * @param requestId the {@code X-Request-Id} header, or null without one
	 */
	public SmartEngageException(int status, String errorMessage, String errorCode, String requestId) {
		this(status, errorMessage, errorCode, requestId, null);
	}

	/**
	 * An error with its cause.
	 * @param status the HTTP status, or 0 when no answer came
	 * @param errorMessage the answer's {@code error_msg}, or a description of the failure
	 * @param errorCode the {@code X-Error-Code} header, or null without one
	 * @param requestId the {@code X-Request-Id} header, or null without one
	 * @param cause what went wrong underneath, or null
	 */
	public SmartEngageException(int status, String errorMessage, String errorCode, String requestId, Throwable cause) {
		super(describe(status, errorMessage, errorCode, requestId), cause);
		this.status = status;
		this.errorMessage = errorMessage;
		this.errorCode = errorCode;
		this.requestId = requestId;
	}

	/**
	 * The HTTP status of the answer.
	 * @return the status, or 0 when no answer came ({@link ConnectionFailedException})
	 */
	public int status() {
		return this.status;
	}

	/**
	 * What the server said: the {@code error_msg} of its answer, word for word (for
	 * instance {@code No record with session_id: ...}).
	 * @return the message, never null
	 */
	public String errorMessage() {
		return this.errorMessage;
	}

	/**
	 * The stable error code of the answer's {@code X-Error-Code} header, such as
	 * {@link ErrorCodes#COUPON_ALREADY_ISSUED}: match on this rather than on the message.
	 * @return the code, or empty when the server sent none
	 */
	public Optional<String> errorCode() {
		return Optional.ofNullable(this.errorCode);
	}

	/**
	 * The id the server gave the request ({@code X-Request-Id}), which finds it in the
	 * server's log.
	 * @return the id, or empty when the server sent none
	 */
	public Optional<String> requestId() {
		return Optional.ofNullable(this.requestId);
	}

	private static String describe(int status, String errorMessage, String errorCode, String requestId) {
		StringBuilder text = new StringBuilder(String.valueOf(errorMessage));
		text.append(" (");
		text.append((status != 0) ? "HTTP " + status : "no answer");
		if (errorCode != null) {
			text.append(", code ").append(errorCode);
		}
		if (requestId != null) {
			text.append(", request id ").append(requestId);
		}
		return text.append(')').toString();
	}

}
