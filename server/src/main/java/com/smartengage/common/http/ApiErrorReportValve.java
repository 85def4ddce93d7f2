package com.smartengage.common.http;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.smartengage.common.web.ErrorBody;
import com.smartengage.common.web.MessagePages;

/**
 * Tomcat's last-resort error writer, for requests refused before they reach the
 * application: a path Tomcat will not decode (an encoded slash or backslash, a NUL,
 * broken UTF-8), a method or a transfer coding it does not implement. On the JSON APIs it
 * writes the same {@code {"error_msg": ...}} body as every other error; elsewhere the
 * same friendly page as the application's own errors, never Tomcat's.
 * <p>
 * Tomcat answers {@code CONNECT} and an unknown {@code Transfer-Encoding} with 501, and a
 * request line naming an HTTP version it does not speak with 505, which monitoring counts
 * as faults of the server; they are the client's: 405 and 400 here.
 */
class ApiErrorReportValve extends ErrorReportValve {

	private final Supplier<MessagePages> pages;

	ApiErrorReportValve(Supplier<MessagePages> pages) {
		this.pages = pages;
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		if (status == HttpStatus.NOT_IMPLEMENTED.value() || status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED.value()) {
			boolean connect = "CONNECT".equals(request.getMethod());
			status = connect ? HttpStatus.METHOD_NOT_ALLOWED.value() : HttpStatus.BAD_REQUEST.value();
			response.setStatus(status);
			if (connect) {
				response.setHeader("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
			}
		}
		HttpStatus known = HttpStatus.resolve(status);
		if (known == null) {
			known = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		try {
			ResponseEntity<?> answer = this.pages.get().error(request.getRequestURI(), known, message(request, known));
			Object body = answer.getBody();
			String text = body instanceof ErrorBody error ? "{\"error_msg\":\"" + error.errorMsg() + "\"}"
					: String.valueOf(body);
			// The answer's own headers: its Content-Type, and no-store on pages.
			answer.getHeaders().forEach((name, values) -> values.forEach((value) -> response.setHeader(name, value)));
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(text);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response is closed: nothing more to tell it.
		}
	}

	/**
	 * Constant sentences without quotes or backslashes, so the JSON needs no escaping;
	 * nothing from the request is echoed.
	 */
	private static String message(Request request, HttpStatus status) {
		if (status.is5xxServerError()) {
			return ErrorBody.INTERNAL;
		}
		if (status == HttpStatus.METHOD_NOT_ALLOWED && "CONNECT".equals(request.getMethod())) {
			return "Method CONNECT is not allowed";
		}
		if (status == HttpStatus.BAD_REQUEST) {
			return "Request could not be read: its path or headers are not valid";
		}
		return "Request failed: " + status.getReasonPhrase();
	}

}
