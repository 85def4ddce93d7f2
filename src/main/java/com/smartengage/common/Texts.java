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
		if (hasHiddenCharacters(text)) {
			throw new BadRequestException(field + " must not contain invisible or text-direction characters "
					+ "(zero-width spaces, right-to-left overrides and the like)");
		}
		return text;
	}

	/**
	 * Whether the text holds characters that change how it reads without showing:
	 * text-direction overrides, embeddings, isolates and marks (a name could show as
	 * something it is not), and zero-width characters (two names that look alike, a code
	 * nobody can type). The zero-width joiner and non-joiner are allowed between two
	 * non-ASCII letters, marks or symbols, where scripts such as Persian and emoji
	 * sequences need them.
	 */
	public static boolean hasHiddenCharacters(String text) {
		int previous = -1;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			int next = i + Character.charCount(cp) < text.length() ? text.codePointAt(i + Character.charCount(cp)) : -1;
			if (isBidiControl(cp) || isZeroWidth(cp)) {
				return true;
			}
			if ((cp == 0x200C || cp == 0x200D) && !(joinable(previous) && joinable(next))) {
				return true;
			}
			previous = cp;
			i += Character.charCount(cp);
		}
		return false;
	}

	private static boolean isBidiControl(int cp) {
		return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)
				|| (cp >= 0x2066 && cp <= 0x2069);
	}

	private static boolean isZeroWidth(int cp) {
		return cp == 0x00AD || cp == 0x180E || cp == 0x200B || (cp >= 0x2060 && cp <= 0x2064) || cp == 0xFEFF;
	}

	private static boolean joinable(int cp) {
		if (cp < 0x80) {
			return false;
		}
		int type = Character.getType(cp);
		return Character.isLetter(cp) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
				|| type == Character.ENCLOSING_MARK || type == Character.OTHER_SYMBOL;
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
