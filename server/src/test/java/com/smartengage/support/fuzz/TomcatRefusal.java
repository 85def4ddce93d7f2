package com.smartengage.support.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static com.smartengage.support.fuzz.Encoding.utf8;

/**
 * Why Tomcat refuses a request with its own 400 before any filter or controller runs.
 * Tomcat guards the URL (no encoded slash, backslash or NUL, well-formed escapes of
 * UTF-8, only URL characters) and the header section (visible characters, token names, at
 * most 8 KiB). The application cannot answer those in JSON; the run lists them.
 */
final class TomcatRefusal {

	/**
	 * What Tomcat takes raw in a query string besides ASCII letters and digits: RFC
	 * 3986's unreserved and sub-delimiter characters, ':', '@', '/', '?' and the '%' of
	 * an escape (checked only when the parameters are decoded).
	 */
	private static final String QUERY_CHARACTERS = "-._~!$&'()*+,;=:@/?%";

	private TomcatRefusal() {
	}

	/**
	 * Why Tomcat refuses the attack itself, or null when it must reach the application.
	 */
	static String reason(Attack attack) {
		byte[] target = attack.rawPath() != null ? attack.rawPath() : utf8(attack.path());
		int query = target.length;
		for (int i = 0; i < target.length; i++) {
			if (target[i] == '?') {
				query = i;
				break;
			}
		}
		for (int i = query + 1; i < target.length; i++) {
			int b = target[i] & 0xFF;
			if (b >= 0x80 || QUERY_CHARACTERS.indexOf(b) < 0 && !Character.isLetterOrDigit(b)) {
				return "a character that is not allowed in a query string";
			}
		}
		ByteArrayOutputStream decoded = new ByteArrayOutputStream();
		for (int i = 0; i < query; i++) {
			int b = target[i] & 0xFF;
			if (b == '%') {
				int high = i + 2 < target.length ? Character.digit(target[i + 1], 16) : -1;
				int low = i + 2 < target.length ? Character.digit(target[i + 2], 16) : -1;
				if (high < 0 || low < 0) {
					return "malformed %-escape in the path";
				}
				b = high * 16 + low;
				if (b == 0 || b == '/' || b == '\\') {
					return "encoded NUL, slash or backslash in the path";
				}
				i += 2;
			}
			else if (b <= 0x20 || b >= 0x7F || "\"#<>[\\]^`{|}".indexOf(b) >= 0) {
				return "a character that is not allowed in a URL";
			}
			decoded.write(b);
		}
		String path;
		try {
			path = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(decoded.toByteArray())).toString();
		}
		catch (CharacterCodingException ex) {
			return "escapes that do not decode as UTF-8";
		}
		int depth = 0;
		for (String segment : path.split("/")) {
			depth += segment.equals("..") ? -1 : (segment.isEmpty() || segment.equals(".")) ? 0 : 1;
			if (depth < 0) {
				return "a path that climbs above the root";
			}
		}
		int size = target.length + 300;
		for (Map.Entry<String, String> header : attack.headers().entrySet()) {
			String value = AttackSender.rawValue(header.getValue());
			size += header.getKey().length() + utf8(value).length + 4;
			if (value.chars().anyMatch((c) -> c < 0x20 && c != '\t' || c == 0x7F)) {
				return "a control character in a header";
			}
		}
		if (attack.rawHeader() != null) {
			byte[] header = attack.rawHeader();
			size += header.length;
			String text = new String(header, StandardCharsets.ISO_8859_1);
			int colon = text.indexOf(':');
			if (colon < 1 || !text.substring(0, colon).matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
				return "a header name that is not a token";
			}
			if (text.chars().anyMatch((c) -> c < 0x20 && c != '\t' || c == 0x7F)) {
				return "a control character in a header";
			}
		}
		return size > 7600 ? "a header section over 8 KiB" : null;
	}

}
