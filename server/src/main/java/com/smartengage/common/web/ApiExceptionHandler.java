package com.smartengage.common.web;

import java.util.Arrays;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.smartengage.common.text.Ids;

/**
 * Maps every exception to the contract's {@code {"error_msg": ...}} body on API paths,
 * and to a friendly HTML page elsewhere. Spring's own errors (bad JSON, unknown route,
 * wrong method) come through here as well, so no caller ever sees a stack trace or a
 * whitelabel page.
 */
@RestControllerAdvice
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final MessagePages pages;

	ApiExceptionHandler(MessagePages pages) {
		this.pages = pages;
	}

	@ExceptionHandler(ApiException.class)
	ResponseEntity<?> api(ApiException ex, HttpServletRequest request) {
		return this.pages.error(ApiPaths.of(request), ex.status(), ex.code(), ex.getMessage());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<?> unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.BAD_REQUEST, "Request body is not valid JSON of the expected shape");
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<?> noRoute(NoResourceFoundException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.NOT_FOUND,
				"No endpoint " + request.getMethod() + " " + Ids.echo(request.getRequestURI()));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<?> method(HttpRequestMethodNotSupportedException ex, HttpServletRequest request) {
		String allowed = ex.getSupportedHttpMethods() == null ? "" : " (allowed: "
				+ String.join(", ", ex.getSupportedHttpMethods().stream().map(Object::toString).toList()) + ")";
		return answer(request, HttpStatus.METHOD_NOT_ALLOWED, "Method " + Ids.echo(request.getMethod())
				+ " is not allowed on " + Ids.echo(request.getRequestURI()) + allowed);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<?> mediaType(HttpMediaTypeNotSupportedException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"Content-Type " + Ids.echo(String.valueOf(ex.getContentType())) + " is not supported here");
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<?> notAcceptable(HttpMediaTypeNotAcceptableException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.NOT_ACCEPTABLE, "No representation matches the Accept header");
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<?> missingParameter(MissingServletRequestParameterException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.BAD_REQUEST, "Query parameter " + ex.getParameterName() + " is required");
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ResponseEntity<?> missingHeader(MissingRequestHeaderException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.BAD_REQUEST, "Header " + ex.getHeaderName() + " is required");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<?> typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.BAD_REQUEST,
				ex.getName() + " must be a valid "
						+ (ex.getRequiredType() == null ? "value"
								: ex.getRequiredType().getSimpleName().toLowerCase(Locale.ROOT))
						+ ", not " + Ids.echo(shown(ex.getValue())));
	}

	/**
	 * Parameters that Tomcat could not decode, read after
	 * {@link MalformedParametersFilter} (an error dispatch, say). The exception's message
	 * quotes the value: never logged.
	 */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<?> invalidParameters(InvalidParameterException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.BAD_REQUEST, MalformedParametersFilter.MALFORMED);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<?> unexpected(Exception ex, HttpServletRequest request) {
		if (ClientDisconnects.isDisconnect(ex)) {
			// The client hung up (or SlowRequestSweeper closed its connection for missing
			// a deadline): not an outage, not worth a stack trace, nobody left to answer.
			log.info("{} {}: the client hung up before its request was read", request.getMethod(),
					Ids.echo(ApiPaths.of(request)));
			return null;
		}
		if (ClientDisconnects.isClientFailure(ex)) {
			// A body Tomcat could not read (a broken chunk): the client's doing.
			log.info("{} {}: the request body could not be read", request.getMethod(), Ids.echo(ApiPaths.of(request)));
			return answer(request, HttpStatus.BAD_REQUEST, "Request body could not be read");
		}
		String unreachable = DatabaseFailures.connectionFailure(ex);
		if (unreachable != null) {
			// An outage fails every request the same way: one line each, not a stack
			// trace.
			log.warn("Database unreachable on {} {}: {}", request.getMethod(), request.getRequestURI(), unreachable);
		}
		else {
			log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
		}
		return answer(request, HttpStatus.INTERNAL_SERVER_ERROR, ErrorBody.INTERNAL);
	}

	/** A parameter's value as sent; a repeated parameter's values joined by commas. */
	private static String shown(Object value) {
		if (value instanceof Object[] values) {
			return String.join(",", Arrays.stream(values).map(String::valueOf).toList());
		}
		return String.valueOf(value);
	}

	private ResponseEntity<?> answer(HttpServletRequest request, HttpStatus status, String message) {
		return this.pages.error(ApiPaths.of(request), status, message);
	}

}
