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

	/** The body, with the code its status gives (see {@link ErrorCodes#forStatus}). */
	public void write(HttpServletResponse response, int status, String message) throws IOException {
		write(response, status, ErrorCodes.forStatus(status), message);
	}

	/** The body, with {@code code} in the {@value ErrorCodes#HEADER} header. */
	public void write(HttpServletResponse response, int status, String code, String message) throws IOException {
		response.resetBuffer();
		response.setStatus(status);
		response.setHeader(ErrorCodes.HEADER, code);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getOutputStream().write(this.json.writeValueAsBytes(new ErrorBody(message)));
	}

}
