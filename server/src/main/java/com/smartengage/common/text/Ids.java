package com.smartengage.common.text;

import java.util.UUID;

/** Helpers for ids that come from callers. */
public final class Ids {

	/** Longest caller-supplied text echoed back in an error sentence. */
	public static final int MAX_ECHO = 64;

	private Ids() {
	}

	/**
	 * Caller-supplied text made safe to put into an error sentence: cut to
	 * {@link #MAX_ECHO} characters (never inside a surrogate pair), without control
	 * characters or unpaired surrogates. JSON escaping is left to the JSON writer.
	 */
	public static String echo(String text) {
		if (text == null) {
			return "null";
		}
		StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_ECHO + 3));
		int count = 0;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			if (count == MAX_ECHO) {
				out.append("...");
				break;
			}
			boolean unpaired = cp <= 0xFFFF && Character.isSurrogate((char) cp);
			out.appendCodePoint(Character.isISOControl(cp) || unpaired ? '?' : cp);
			count++;
			i += Character.charCount(cp);
		}
		return out.toString();
	}

	/** The text cut to at most {@code max} characters, never inside a surrogate pair. */
	public static String cut(String text, int max) {
		if (text.length() <= max) {
			return text;
		}
		int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
		return text.substring(0, end);
	}

	/** The id as a UUID, or null when it is not one in the canonical 8-4-4-4-12 form. */
	public static UUID parseUuid(String text) {
		if (text == null || text.length() != 36) {
			return null;
		}
		// 8-4-4-4-12 hex digits, checked by hand: on every partner call, a regular
		// expression showed in profiles.
		for (int i = 0; i < 36; i++) {
			char c = text.charAt(i);
			boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
			if (dash ? c != '-' : Character.digit(c, 16) < 0 || c > 'f') {
				return null;
			}
		}
		return UUID.fromString(text);
	}

}
