package com.smartengage.common.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders the friendly one-message HTML page that shoppers see when something is off, and
 * its counterpart in the dashboard's layout for operators.
 */
@Component
public class MessagePages {

	private static final String SHOPPER_TEMPLATE = "message";

	/** The operator's error page, in the dashboard's layout. */
	private static final String OPERATOR_TEMPLATE = "dashboard/error";

	private final ITemplateEngine templates;

	private final JsonErrors json;

	MessagePages(ITemplateEngine templates, JsonErrors json) {
		this.templates = templates;
		this.json = json;
	}

	/**
	 * An error as the caller of {@code path} expects it: the {@code {"error_msg": ...}}
	 * body on the APIs, the dashboard's error page for operators, the friendly page for
	 * shoppers. A 5xx page never shows the sentence, which is meant for logs.
	 */
	public ResponseEntity<?> error(String path, HttpStatus status, String message) {
		return error(path, status, ErrorCodes.forStatus(status.value()), message);
	}

	/**
	 * The same, with {@code code} (see {@link ErrorCodes}) in the
	 * {@value ErrorCodes#HEADER} header.
	 */
	public ResponseEntity<?> error(String path, HttpStatus status, String code, String message) {
		if (ApiPaths.isJson(path)) {
			return ResponseEntity.status(status)
				.contentType(MediaType.APPLICATION_JSON)
				.header(ErrorCodes.HEADER, code)
				.body(new ErrorBody(message));
		}
		String template = ApiPaths.isDashboard(path) ? OPERATOR_TEMPLATE : SHOPPER_TEMPLATE;
		ResponseEntity<String> page = status.is5xxServerError()
				? page(template, status, "Something went wrong", "Please try again in a moment.")
				: page(template, status, status.getReasonPhrase(), message);
		return ResponseEntity.status(page.getStatusCode())
			.headers(page.getHeaders())
			.header(ErrorCodes.HEADER, code)
			.body(page.getBody());
	}

	/**
	 * The same error as {@link #error}, written straight to the response, for filters
	 * that answer before Spring MVC.
	 */
	public void write(HttpServletResponse response, String path, HttpStatus status, String message) throws IOException {
		if (ApiPaths.isJson(path)) {
			this.json.write(response, status.value(), message);
			return;
		}
		ResponseEntity<?> page = error(path, status, message);
		response.resetBuffer();
		response.setStatus(status.value());
		page.getHeaders().forEach((name, values) -> values.forEach((value) -> response.setHeader(name, value)));
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write((String) page.getBody());
	}

	public ResponseEntity<String> page(HttpStatus status, String title, String message) {
		return page(SHOPPER_TEMPLATE, status, title, message);
	}

	private ResponseEntity<String> page(String template, HttpStatus status, String title, String message) {
		Context context = new Context(Locale.ENGLISH);
		context.setVariable("status", status.value());
		context.setVariable("title", title);
		context.setVariable("message", message);
		String html = this.templates.process(template, context);
		return ResponseEntity.status(status)
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore())
			.body(html);
	}

}
