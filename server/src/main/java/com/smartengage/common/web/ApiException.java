package com.smartengage.common.web;

import org.springframework.http.HttpStatus;

/**
 * A request that cannot be served, with the HTTP status, the sentence that goes into
 * {@code {"error_msg": ...}} and the stable code of {@link ErrorCodes} that goes into its
 * header. Each case is its own subclass or code.
 */
public abstract class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	protected ApiException(HttpStatus status, String message) {
		this(status, ErrorCodes.forStatus(status.value()), message);
	}

	protected ApiException(HttpStatus status, String code, String message) {
		super(message, null, false, false);
		this.status = status;
		this.code = code;
	}

	public HttpStatus status() {
		return this.status;
	}

	/** The stable code of this error (see {@link ErrorCodes}). */
	public String code() {
		return this.code;
	}

}
