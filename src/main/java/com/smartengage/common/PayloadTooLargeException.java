package com.smartengage.common;

import org.springframework.http.HttpStatus;

/** A request body above the configured limit: a 413. */
public class PayloadTooLargeException extends ApiException {

	public PayloadTooLargeException(long limitBytes) {
		super(HttpStatus.CONTENT_TOO_LARGE, "Request body is larger than the limit of " + limitBytes + " bytes");
	}

}
