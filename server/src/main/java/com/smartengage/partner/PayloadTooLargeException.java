package com.smartengage.partner;

import org.springframework.http.HttpStatus;

import com.smartengage.common.web.ApiException;

/** A request body above the configured limit: a 413. */
public class PayloadTooLargeException extends ApiException {

	public PayloadTooLargeException(long limitBytes) {
		super(HttpStatus.CONTENT_TOO_LARGE, "Request body is larger than the limit of " + limitBytes + " bytes");
	}

}
