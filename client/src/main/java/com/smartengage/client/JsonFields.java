package com.smartengage.client;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the fields of a JSON object the server sent, by name, checking each one's type: a
 * body that lacks a field or has it in another shape fails with an
 * {@link IllegalArgumentException} naming the field, never with a null further on.
 * Unknown fields are ignored, since the server may add some.
 */
final class JsonFields {

	/** The one mapper of the SDK; thread-safe. */
	static final JsonMapper JSON = JsonMapper.builder().build();

	private final JsonNode node;

	private final String path;

	private JsonFields(JsonNode node, String path) {
		this.node = node;
		this.path = path;
	}

	/** The JSON object in {@code body}. */
	static JsonFields parse(byte[] body) {
		JsonNode node;
		try {
			node = JSON.readTree(body);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("not JSON", ex);
		}
		if (node == null || !node.isObject()) {
			throw new IllegalArgumentException("not a JSON object");
		}
		return new JsonFields(node, "");
	}

	String text(String name) {
		JsonNode value = required(name);
		if (!value.isString()) {
			throw wrong(name, "a string");
		}
		return value.stringValue();
	}

	/** The string, or null when the field is missing or null. */
	String optionalText(String name) {
		JsonNode value = this.node.get(name);
		return (value == null || value.isNull()) ? null : text(name);
	}

	long number(String name) {
		JsonNode value = required(name);
		if (!value.isIntegralNumber() || !value.canConvertToLong()) {
			throw wrong(name, "a whole number");
		}
		return value.longValue();
	}

	/** The whole number, or null when the field is missing or null. */
	Long optionalNumber(String name) {
		JsonNode value = this.node.get(name);
		return (value == null || value.isNull()) ? null : number(name);
	}

	boolean bool(String name) {
		JsonNode value = required(name);
		if (!value.isBoolean()) {
			throw wrong(name, "true or false");
		}
		return value.booleanValue();
	}

	Instant instant(String name) {
		String text = text(name);
		try {
			return Instant.parse(text);
		}
		catch (RuntimeException ex) {
			throw wrong(name, "an ISO-8601 instant");
		}
	}

	/** The instant, or null when the field is missing or null. */
	Instant optionalInstant(String name) {
		return (optionalText(name) == null) ? null : instant(name);
	}

	URI uri(String name) {
		String text = text(name);
		try {
			return new URI(text);
		}
		catch (Exception ex) {
			throw wrong(name, "a URI");
		}
	}

	JsonFields object(String name) {
		JsonNode value = required(name);
		if (!value.isObject()) {
			throw wrong(name, "an object");
		}
		return new JsonFields(value, this.path + name + ".");
	}

	/** The object, or null when the field is missing or null. */
	JsonFields optionalObject(String name) {
		JsonNode value = this.node.get(name);
		return (value == null || value.isNull()) ? null : object(name);
	}

	List<JsonFields> objects(String name) {
		JsonNode value = required(name);
		if (!value.isArray()) {
			throw wrong(name, "an array");
		}
		List<JsonFields> items = new ArrayList<>();
		for (int i = 0; i < value.size(); i++) {
			JsonNode item = value.get(i);
			if (!item.isObject()) {
				throw wrong(name + "[" + i + "]", "an object");
			}
			items.add(new JsonFields(item, this.path + name + "[" + i + "]."));
		}
		return items;
	}

	/**
	 * The field's value as JSON text, or {@code null} (the JSON literal) when missing.
	 */
	String json(String name) {
		JsonNode value = this.node.get(name);
		return (value == null) ? "null" : JSON.writeValueAsString(value);
	}

	private JsonNode required(String name) {
		JsonNode value = this.node.get(name);
		if (value == null || value.isNull()) {
			throw new IllegalArgumentException("no " + this.path + name);
		}
		return value;
	}

	private IllegalArgumentException wrong(String name, String expected) {
		return new IllegalArgumentException(this.path + name + " is not " + expected);
	}

}
