package com.smartengage.campaign;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.smartengage.common.BadRequestException;
import com.smartengage.coupon.CouponPoolService;

/**
 * Reads an uploaded file of coupon codes: CSV or plain text, one code a line (its first
 * field), a header line {@code code} and a byte order mark skipped.
 */
public final class CouponCodeFiles {

	private CouponCodeFiles() {
	}

	public static List<String> csv(InputStream in) throws IOException {
		List<String> codes = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			boolean first = true;
			int lineNumber = 0;
			while ((line = reader.readLine()) != null) {
				lineNumber++;
				String text = line.strip();
				if (first && text.startsWith("\uFEFF")) {
					text = text.substring(1).strip();
				}
				String code = firstCsvField(text, lineNumber);
				if (!(first && code.equalsIgnoreCase("code")) && !code.isEmpty()) {
					codes.add(code);
				}
				first = false;
				if (codes.size() > CouponPoolService.MAX_CODES) {
					CouponPoolService.checkCount(codes.size());
				}
			}
		}
		return codes;
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
