package com.smartengage.common.web;

import org.springframework.http.HttpStatus;

/** A request that would duplicate something that must stay unique: a 409. */
public class ConflictException extends ApiException {

	public ConflictException(String message) {
		super(HttpStatus.CONFLICT, message);
	}

}
