package com.smartengage.common.web;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The one error shape of every JSON API: {@code {"error_msg": "..."}}. */
public record ErrorBody(@JsonProperty("error_msg") String errorMsg) {

	/** The contract's answer to anything unexpected, typo included. */
	public static final String INTERNAL = "Internal error occured, please check with our team";

}
