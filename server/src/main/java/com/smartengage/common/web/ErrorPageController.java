package com.smartengage.common.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers errors that never reached a controller (a filter's sendError, the servlet
 * container): the same JSON body on API paths, the friendly page elsewhere, never the
 * whitelabel page.
 */
@Hidden
@RestController
class ErrorPageController implements ErrorController {

	private final MessagePages pages;

	ErrorPageController(MessagePages pages) {
		this.pages = pages;
	}

	@RequestMapping("/error")
	ResponseEntity<?> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		// Asked for directly, /error is just a page that does not exist.
		HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 404);
		if (status == null || !status.isError()) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		String message = status.is5xxServerError() ? ErrorBody.INTERNAL : describe(status);
		return this.pages.error(uri instanceof String s ? s : null, status, message);
	}

	private static String describe(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> "Not found";
			case CONTENT_TOO_LARGE -> "Request body is too large";
			case METHOD_NOT_ALLOWED -> "Method not allowed";
			default -> "Request failed: " + status.getReasonPhrase();
		};
	}

}
