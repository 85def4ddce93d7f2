package com.smartengage.common;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's last-resort error writer, for requests refused before they reach the
 * application: a path Tomcat will not decode (an encoded slash or backslash, a NUL,
 * broken UTF-8). On the JSON APIs it writes the same {@code {"error_msg": ...}} body as
 * every other error; elsewhere Tomcat's plain page, without report or server version.
 */
class ApiErrorReportValve extends ErrorReportValve {

	ApiErrorReportValve() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		if (!ApiPaths.isJson(request.getRequestURI())) {
			super.report(request, response, throwable);
			return;
		}
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		try {
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				// The sentences are constants without quotes or backslashes: nothing to
				// escape.
				writer.write("{\"error_msg\":\"" + message(status) + "\"}");
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response is closed: nothing more to tell it.
		}
	}

	private static String message(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		if (status >= 500 || known == null) {
			return ErrorBody.INTERNAL;
		}
		if (known == HttpStatus.BAD_REQUEST) {
			return "Request could not be read: its path or headers are not valid";
		}
		return "Request failed: " + known.getReasonPhrase();
	}

}
