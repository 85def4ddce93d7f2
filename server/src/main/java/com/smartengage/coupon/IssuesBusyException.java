package com.smartengage.coupon;

import org.springframework.http.HttpStatus;

import com.smartengage.common.web.ApiException;
import com.smartengage.common.web.ErrorCodes;
import com.smartengage.common.web.ErrorBody;

/**
 * An issue that found every connection meant for issues taken for longer than it may
 * wait: the contract's 500, as when the pool has no connection in time.
 */
class IssuesBusyException extends ApiException {

	IssuesBusyException() {
		super(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCodes.SERVER_BUSY, ErrorBody.INTERNAL);
	}

}
