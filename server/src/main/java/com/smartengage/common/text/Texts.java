package com.smartengage.common.text;

import com.smartengage.common.web.BadRequestException;

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
	 * something it is not), zero-width and other format characters, and fillers that
	 * render as nothing (two names that look alike, a code nobody can type). The
	 * zero-width joiner and non-joiner are allowed between two non-ASCII letters, marks
	 * or symbols, where scripts such as Persian and emoji sequences need them, and tag
	 * characters after the black flag, where they spell a region's flag.
	 */
	public static boolean hasHiddenCharacters(String text) {
		int previous = -1;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			int next = i + Character.charCount(cp) < text.length() ? text.codePointAt(i + Character.charCount(cp)) : -1;
			if (cp == 0x200C || cp == 0x200D) {
				if (!(joinable(previous) && joinable(next))) {
					return true;
				}
			}
			else if (isTag(cp)) {
				if (previous != 0x1F3F4 && !isTag(previous)) {
					return true;
				}
			}
			else if (Character.getType(cp) == Character.FORMAT || isBlankFiller(cp)) {
				return true;
			}
			previous = cp;
			i += Character.charCount(cp);
		}
		return false;
	}

	private static boolean isTag(int cp) {
		return cp >= 0xE0020 && cp <= 0xE007F;
	}

	/**
	 * Characters that are not format characters yet show as nothing: the combining
	 * grapheme joiner, the Hangul fillers, the Mongolian vowel separator.
	 */
	private static boolean isBlankFiller(int cp) {
		return cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x180E;
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
