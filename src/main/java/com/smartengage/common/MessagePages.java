package com.smartengage.common;

import java.util.Locale;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** Renders the friendly one-message HTML page that shoppers see when something is off. */
@Component
public class MessagePages {

	private final ITemplateEngine templates;

	MessagePages(ITemplateEngine templates) {
		this.templates = templates;
	}

	/**
	 * An error as its caller expects it: the {@code {"error_msg": ...}} body on the APIs,
	 * the friendly page elsewhere. A 5xx page never shows the sentence, which is meant
	 * for logs.
	 */
	public ResponseEntity<?> error(boolean json, HttpStatus status, String message) {
		if (json) {
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ErrorBody(message));
		}
		if (status.is5xxServerError()) {
			return page(status, "Something went wrong", "Please try again in a moment.");
		}
		return page(status, status.getReasonPhrase(), message);
	}

	public ResponseEntity<String> page(HttpStatus status, String title, String message) {
		Context context = new Context(Locale.ENGLISH);
		context.setVariable("status", status.value());
		context.setVariable("title", title);
		context.setVariable("message", message);
		String html = this.templates.process("message", context);
		return ResponseEntity.status(status)
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore())
			.body(html);
	}

}
