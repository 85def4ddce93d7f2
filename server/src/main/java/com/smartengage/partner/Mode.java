package com.smartengage.partner;

import java.util.Locale;

import com.smartengage.common.text.Ids;
import com.smartengage.common.web.BadRequestException;

/**
 * Live or test: a property of an API key and of everything made with it (sessions,
 * coupons, webhook deliveries). The two never meet, and analytics count live only (ADR
 * 0012).
 */
public enum Mode {

	LIVE, TEST;

	/** The name on the wire and in the database: {@code live} or {@code test}. */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public boolean isTest() {
		return this == TEST;
	}

	public static Mode of(boolean test) {
		return test ? TEST : LIVE;
	}

	/**
	 * The mode a request names in {@code field}; live when it names none. Anything but
	 * {@code live} or {@code test} is a 400 that says so.
	 */
	public static Mode parse(String field, String value) {
		if (value == null) {
			return LIVE;
		}
		return switch (value) {
			case "live" -> LIVE;
			case "test" -> TEST;
			default -> throw new BadRequestException(field + " must be \"live\" or \"test\", not " + Ids.echo(value));
		};
	}

}
