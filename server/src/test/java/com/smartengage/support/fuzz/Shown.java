package com.smartengage.support.fuzz;

/** How the fuzzer's reports show hostile text: cut short, control characters escaped. */
final class Shown {

	private Shown() {
	}

	/** The text, cut to 300 characters with its full length noted. */
	static String cut(String text) {
		return text.length() <= 300 ? text : text.substring(0, 300) + "...(" + text.length() + " chars)";
	}

	/** The text with control characters and surrogates written as escapes. */
	static String printable(String text) {
		StringBuilder out = new StringBuilder();
		text.codePoints().forEach((cp) -> {
			if (cp < 0x20 || cp == 0x7F || cp >= 0x80 && cp < 0xA0 || cp >= 0xD800 && cp < 0xE000) {
				out.append(String.format("\\u%04X", cp));
			}
			else {
				out.appendCodePoint(cp);
			}
		});
		return out.toString();
	}

}
