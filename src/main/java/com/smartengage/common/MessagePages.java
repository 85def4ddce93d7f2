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
