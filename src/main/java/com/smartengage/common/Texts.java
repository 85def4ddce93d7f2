package com.smartengage.common;

/**
 * Checks for the free text operators give (names, locations, URLs): trimmed, bounded, and
 * free of control characters and broken UTF-16, which PostgreSQL would refuse (NUL) and
 * pages would show as garbage.
 */
public final class Texts {

	private Texts() {
	}

	/**
	 * The trimmed text; a 400 naming the field when it is missing, blank, too long or not
	 * clean.
	 */
	public static String required(String field, String value, int max) {
		String text = optional(field, value, max);
		if (text == null) {
			throw new BadRequestException(field + " is required");
		}
		return text;
	}

	/**
	 * The trimmed text, or null when missing or blank; a 400 when too long or not clean.
	 */
	public static String optional(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		if (text.length() > max) {
			throw new BadRequestException(field + " must be at most " + max + " characters");
		}
		if (!isClean(text)) {
			throw new BadRequestException(field + " must not contain control characters");
		}
		return text;
	}

	/** No control characters and no unpaired surrogates. */
	public static boolean isClean(String text) {
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			if (Character.isISOControl(cp) || Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
				return false;
			}
			i += Character.charCount(cp);
		}
		return true;
	}

}
