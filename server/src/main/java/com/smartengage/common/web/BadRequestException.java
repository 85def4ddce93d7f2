package com.smartengage.common.web;

import org.springframework.http.HttpStatus;

/** Input that breaks a rule: a 400 with a sentence saying which. */
public class BadRequestException extends ApiException {

	public BadRequestException(String message) {
		super(HttpStatus.BAD_REQUEST, message);
	}

	/** With a code of {@link ErrorCodes} that tells this case from other 400s. */
	public BadRequestException(String code, String message) {
		super(HttpStatus.BAD_REQUEST, code, message);
	}

}
