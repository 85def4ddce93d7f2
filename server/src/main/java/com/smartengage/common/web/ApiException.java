package com.smartengage.common.web;

import org.springframework.http.HttpStatus;

/**
 * A request that cannot be served, with the HTTP status and the sentence that goes into
 * {@code {"error_msg": ...}}. Each case is its own subclass.
 */
public abstract class ApiException extends RuntimeException {

	private final HttpStatus status;

	protected ApiException(HttpStatus status, String message) {
		super(message, null, false, false);
		this.status = status;
	}

	public HttpStatus status() {
		return this.status;
	}

}
