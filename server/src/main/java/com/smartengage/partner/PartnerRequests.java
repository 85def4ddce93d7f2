package com.smartengage.partner;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import com.smartengage.common.web.BadRequestException;

/**
 * Reads partner API bodies the way partners' clients send them: with or without a
 * Content-Type header, empty, {@code {}} or {@code []}, never more than the configured
 * limit, unknown fields ignored. Every failure is a sentence that says what was wrong.
 */
@Component
public class PartnerRequests {

	private final JsonMapper json;

	private final int maxBodyBytes;

	PartnerRequests(JsonMapper json, PartnerApiProperties properties) {
		this.json = json;
		this.maxBodyBytes = properties.maxBodyBytes();
	}

	/**
	 * The body as JSON, or null when it is empty; malformed JSON is a 400, too large a
	 * 413.
	 */
	public JsonNode read(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > this.maxBodyBytes) {
			throw new PayloadTooLargeException(this.maxBodyBytes);
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes(this.maxBodyBytes + 1);
		}
		if (body.length > this.maxBodyBytes) {
			throw new PayloadTooLargeException(this.maxBodyBytes);
		}
		if (isBlank(body)) {
			return null;
		}
		try {
			return this.json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new BadRequestException("Request body is not valid JSON");
		}
	}

	/** The body as a JSON object; anything else is a 400 naming the fields expected. */
	public JsonNode readObject(HttpServletRequest request, String expected) throws IOException {
		JsonNode node = read(request);
		if (node == null || !node.isObject()) {
			throw new BadRequestException("Request body must be a JSON object with " + expected);
		}
		return node;
	}

	/** A required text field: present, a JSON string, not blank. */
	public static String requiredText(JsonNode body, String field) {
		JsonNode value = body.get(field);
		if (value == null || value.isNull()) {
			throw new BadRequestException(field + " is required");
		}
		if (!value.isString()) {
			throw new BadRequestException(field + " must be a string");
		}
		String text = value.asString();
		if (text.isBlank()) {
			throw new BadRequestException(field + " must not be blank");
		}
		return text;
	}

	private static boolean isBlank(byte[] body) {
		for (byte b : body) {
			if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
				return false;
			}
		}
		return true;
	}

}
