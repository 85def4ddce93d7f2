package com.smartengage.support.fuzz;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import static com.smartengage.support.fuzz.Encoding.utf8;

/**
 * The fuzzer's vocabulary: hostile text (SQL, Unicode, control characters, lone
 * surrogates, long runs, near-ids), bytes that are not UTF-8, and the seeded choices
 * every attack is made of.
 */
final class HostileText {

	static final String[] SQL = { "' OR '1'='1", "' OR 1=1 --", "'; DROP TABLE journey_session; --",
			"\"; DROP TABLE coupon; --", "1; SELECT pg_sleep(10); --", "' UNION SELECT key_hash FROM api_key --",
			"/* comment */", "*/ OR /*", "-- ", "%' OR '%'='", "\\'; --", "$$; --", "E'\\x00'",
			"' || (SELECT version()) || '", "1) OR (1=1", "'); UPDATE coupon SET session_id = NULL; --", "';", "\\",
			"%", "_", "[a-z]*", "' AND SLEEP(5) AND '1'='1", "CALL SYSTEM('ls')" };

	static final String[] WORDS = { "null", "undefined", "NaN", "true", "false", "0", "-1", "1e309", "[]", "{}",
			"${jndi:ldap://127.0.0.1/a}", "{{7*7}}", "#{7*7}", "<script>alert(1)</script>", "../../../../etc/passwd",
			"..\\..\\windows\\win.ini", "%s%s%s%n", "%00", "%2F", "\\u0000", "AAAA", "javascript:alert(1)", "\"",
			"\"\"", "\\\"", "'", "`", "<!--", "]]>", "&amp;", "+", "*" };

	static final String[] UNICODE = { "สวัสดีครับ รับคูปองส่วนลด", "คูปอง", "\uD83C\uDF9F\uFE0F",
			"\uD83D\uDD25\uD83D\uDCAF", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66",
			"\u202Eevil\u202C", "\u200B", "\uFEFF", "e\u0301\u0301\u0301\u0301", "Ω≈ç√∫", "ｆｕｌｌｗｉｄｔｈ",
			"\u0E01\u0E34\u0E48\u0E49\u0E4C", "Z\u0334\u0321\u0327\u031B\u0348\u034D\u0324", "\uD835\uDD73\uD835\uDD8A",
			"\uFFFD", "\uFFFE", "\uFFFF", "\uE000", "\u00A0", "\u3000", "ß", "İ", "ﬃ" };

	static final String[] CONTROL = { "\u0000", "\u0001", "\b", "\t", "\n", "\r", "\r\n", "\u001B[31m", "\u007F",
			"\u0085", "\u2028", "\u2029", "\u0000\u0000\u0000" };

	static final String[] LONE_SURROGATES = { "\uD800", "\uDBFF", "\uDC00", "x\uD800y", "\uDC00\uD800" };

	static final String[] STEPS = { "FORM_SUBMITTED", "FORM_REVIEWING", "FORM_APPROVED", "FORM_REJECTED", "SCANNED",
			"COUPON_ISSUED", "COUPON_REDEEMED", "form_reviewing", " FORM_REVIEWING", "FORM_REVIEWING ",
			"FORM_REVIEWING\u0000", "FORM REVIEWING", "FORM_REVIEWIN", "FORM_REVIEWINGG", "FILL_FORM" };

	static final byte[][] BAD_UTF8 = { { (byte) 0xC3, 0x28 }, { (byte) 0xFF }, { (byte) 0xFE },
			{ (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, { (byte) 0xC0, (byte) 0xAF }, { (byte) 0xC0, (byte) 0x80 },
			{ (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 }, { (byte) 0x80 }, { (byte) 0xE2, (byte) 0x82 },
			{ (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 } };

	/** Pieces a careless or hostile client leaves in a query string, sent as they are. */
	static final String[] BROKEN_ESCAPES = { "%ff", "%zz", "%", "%e0%b8", "%c3%28", "%ed%a0%80", "%00", "%0d%0a", "%%",
			"%u0041", "%C0%AF", "+", "&&", "==", ";", "%2", "%F0%9F%8E", "%EF%BF%BF" };

	private final Random random;

	private final Target target;

	HostileText(Random random, Target target) {
		this.random = random;
		this.target = target;
	}

	/**
	 * Hostile text: SQL, Unicode, control characters, lone surrogates, long runs,
	 * near-ids.
	 */
	String text() {
		return switch (this.random.nextInt(14)) {
			case 0 -> pick(SQL);
			case 1 -> pick(WORDS);
			case 2, 3 -> pick(UNICODE);
			case 4 -> pick(CONTROL);
			case 5 -> pick(LONE_SURROGATES);
			case 6 -> idLike();
			case 7 -> pick("", " ", "  \t ", "\n");
			case 8 -> pick(STEPS);
			case 9 -> pick(SQL) + pick(UNICODE) + pick(CONTROL);
			case 10 -> pick("A", "ก", "'", "%", "\uD83D\uDE00", "-", "\u0000")
				.repeat(pick(new int[] { 37, 64, 65, 100, 200, 201, 256, 1000, 4000 }));
			case 11 -> soup();
			case 12 -> mutate(pick(this.target.sessions()));
			default -> pick(this.target.codes()) + pick(SQL);
		};
	}

	/**
	 * Random code points from ASCII, Latin-1, Thai, emoji, CJK, surrogates and private
	 * use.
	 */
	String soup() {
		StringBuilder out = new StringBuilder();
		for (int i = this.random.nextInt(40); i > 0; i--) {
			int cp = switch (this.random.nextInt(7)) {
				case 0 -> this.random.nextInt(128);
				case 1 -> 128 + this.random.nextInt(128);
				case 2 -> 0x0E00 + this.random.nextInt(0x80);
				case 3 -> 0x1F300 + this.random.nextInt(0x700);
				case 4 -> 0x4E00 + this.random.nextInt(0x5000);
				case 5 -> 0xD800 + this.random.nextInt(0x800);
				default -> 0xE000 + this.random.nextInt(0x1900);
			};
			if (cp >= 0xD800 && cp < 0xE000) {
				out.append((char) cp);
			}
			else {
				out.appendCodePoint(cp);
			}
		}
		return out.toString();
	}

	/** Text shaped like a session id, but not quite one of the partner's. */
	String idLike() {
		String real = pick(this.target.sessions());
		return switch (this.random.nextInt(12)) {
			case 0 -> UUID.randomUUID().toString();
			case 1 -> real.toUpperCase(Locale.ROOT);
			case 2 -> " " + real + " ";
			case 3 -> real.substring(0, 35);
			case 4 -> real + "0";
			case 5 -> "{" + real + "}";
			case 6 -> "urn:uuid:" + real;
			case 7 -> real.replace("-", "");
			case 8 -> "00000000-0000-0000-0000-000000000000";
			case 9 -> "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz";
			case 10 -> real + pick(SQL);
			default -> "-".repeat(36);
		};
	}

	/** The text with one character inserted, removed or replaced. */
	String mutate(String text) {
		if (text.isEmpty()) {
			return pick(CONTROL);
		}
		int at = this.random.nextInt(text.length());
		String piece = pick(pick(CONTROL), pick(UNICODE), pick(LONE_SURROGATES), "'", "-", "x", "%", "");
		return switch (this.random.nextInt(3)) {
			case 0 -> text.substring(0, at) + piece + text.substring(at);
			case 1 -> text.substring(0, at) + text.substring(at + 1);
			default -> text.substring(0, at) + piece + text.substring(at + 1);
		};
	}

	/**
	 * A JSON string literal; lone surrogates and control characters go out as escapes.
	 */
	String quote(String text) {
		boolean escapeAll = this.random.nextInt(4) == 0;
		StringBuilder out = new StringBuilder("\"");
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20 || Character.isSurrogate(c) && !validPair(text, i) || escapeAll && c > 0x7E) {
				out.append(String.format("\\u%04X", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.append('"').toString();
	}

	private static boolean validPair(String text, int i) {
		char c = text.charAt(i);
		if (Character.isHighSurrogate(c)) {
			return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
		}
		return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
	}

	/**
	 * Text made into one path segment, every byte outside the unreserved set escaped.
	 */
	static String encode(String text) {
		StringBuilder out = new StringBuilder();
		for (byte b : utf8(text)) {
			int c = b & 0xFF;
			if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
				out.append((char) c);
			}
			else {
				out.append('%').append(String.format("%02X", c));
			}
		}
		return out.toString();
	}

	@SafeVarargs
	final <T> T pick(T... values) {
		return values[this.random.nextInt(values.length)];
	}

	<T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	int pick(int[] values) {
		return values[this.random.nextInt(values.length)];
	}

	byte pick(byte[] values) {
		return values[this.random.nextInt(values.length)];
	}

}
