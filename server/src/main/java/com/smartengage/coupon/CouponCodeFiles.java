package com.smartengage.coupon;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.smartengage.campaign.CouponPools;
import com.smartengage.common.web.BadRequestException;

/**
 * Reads an uploaded file of coupon codes: CSV or plain text, one code a line (its first
 * field), a header line {@code code} and a byte order mark skipped.
 */
public final class CouponCodeFiles {

	private CouponCodeFiles() {
	}

	/**
	 * The codes of the file, which must be UTF-8: a line that is not is refused with its
	 * number, rather than read with replacement characters in place of its bytes (a code
	 * the till could never match).
	 */
	public static List<String> csv(InputStream in) throws IOException {
		List<String> codes = new ArrayList<>();
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try (InputStream input = new BufferedInputStream(in)) {
			boolean first = true;
			int lineNumber = 0;
			ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
			while (readLine(input, bytes)) {
				lineNumber++;
				String line;
				try {
					line = decoder.decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
				}
				catch (CharacterCodingException ex) {
					throw new BadRequestException("Line " + lineNumber
							+ " of the CSV is not valid UTF-8; save the file as UTF-8 and upload it again");
				}
				String text = line.strip();
				if (first && text.startsWith("\uFEFF")) {
					text = text.substring(1).strip();
				}
				String code = firstCsvField(text, lineNumber);
				if (!(first && code.equalsIgnoreCase("code")) && !code.isEmpty()) {
					codes.add(code);
				}
				first = false;
				CouponPools.checkCount(codes.size());
			}
		}
		return codes;
	}

	/**
	 * Reads the next line's bytes, without its end ({@code \n}, {@code \r\n} or
	 * {@code \r}), into {@code line}; false at the end of the input.
	 */
	private static boolean readLine(InputStream in, ByteArrayOutputStream line) throws IOException {
		line.reset();
		int b = in.read();
		if (b < 0) {
			return false;
		}
		while (b >= 0 && b != '\n' && b != '\r') {
			line.write(b);
			b = in.read();
		}
		if (b == '\r') {
			in.mark(1);
			if (in.read() != '\n') {
				in.reset();
			}
		}
		return true;
	}

	/**
	 * The first field of a CSV line: up to the first comma, or a quoted value, which may
	 * hold commas and doubled quotes.
	 */
	private static String firstCsvField(String line, int lineNumber) {
		if (!line.startsWith("\"")) {
			int comma = line.indexOf(',');
			return (comma < 0 ? line : line.substring(0, comma)).strip();
		}
		StringBuilder field = new StringBuilder();
		for (int i = 1; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c != '"') {
				field.append(c);
			}
			else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
				field.append('"');
				i++;
			}
			else {
				return field.toString().strip();
			}
		}
		throw new BadRequestException("Line " + lineNumber + " of the CSV opens a quote that it does not close");
	}

}
