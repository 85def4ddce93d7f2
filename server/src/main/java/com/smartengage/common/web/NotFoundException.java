package com.smartengage.common.web;

import org.springframework.http.HttpStatus;

/** A resource that does not exist (or that the caller may not see): a 404. */
public class NotFoundException extends ApiException {

	public NotFoundException(String message) {
		super(HttpStatus.NOT_FOUND, message);
	}

	/** With a code of {@link ErrorCodes} more precise than {@code not_found}. */
	public NotFoundException(String code, String message) {
		super(HttpStatus.NOT_FOUND, code, message);
	}

}
