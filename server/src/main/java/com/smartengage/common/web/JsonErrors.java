package com.smartengage.common.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Writes the {@code {"error_msg": ...}} body from places that run before Spring MVC
 * (filters).
 */
@Component
public class JsonErrors {

	private final JsonMapper json;

	JsonErrors(JsonMapper json) {
		this.json = json;
	}

	public void write(HttpServletResponse response, int status, String message) throws IOException {
		response.resetBuffer();
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getOutputStream().write(this.json.writeValueAsBytes(new ErrorBody(message)));
	}

}
