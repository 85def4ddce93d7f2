package com.smartengage.support.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The encoding helpers the fuzzer's pieces share. */
final class Encoding {

	private Encoding() {
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] concat(byte[] first, byte[] second) {
		byte[] out = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, out, first.length, second.length);
		return out;
	}

	/** The text URL-encoded as a browser encodes a form field. */
	static String urlEncoded(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
