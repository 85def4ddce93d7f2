package com.smartengage.support.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static com.smartengage.support.fuzz.Encoding.concat;
import static com.smartengage.support.fuzz.Encoding.utf8;

/**
 * Request bodies that are JSON, or nearly: objects whose every value is hostile,
 * malformed and truncated JSON, bytes that are not UTF-8, other charsets, and bodies near
 * and over the 16 KiB limit.
 */
final class JsonBodies {

	private static final int MAX_BODY = 16 * 1024;

	private static final String[] MALFORMED = { "{", "}", "[", "{\"session_id\":}", "{'session_id':'x'}",
			"{session_id: \"x\"}", "{\"session_id\": \"x\",}", "{\"session_id\" \"x\"}", "{\"a\":1}{\"b\":2}",
			"// comment\n{}", "/* c */ {}", "{\"session_id\": NaN}", "{\"session_id\": Infinity}", "{\"x\": 01}",
			"{\"x\": 0x10}", "{\"x\": .5}", "{\"x\": 1.}", "{\"x\": \"\\x41\"}", "{\"x\": \"\\u12\"}",
			"{\"x\": \"\\q\"}", "{\"x\": \"unterminated}", "{\"x\": tru}", "{\"x\": nul}", "\"", "'", "nul",
			"{\"x\": \"a\tb\"}", "{\"x\": \"a\nb\"}", "{\"x\": \"\u0000\"}", "{\"x\":[1,2,]}", "{,}", "{\"\":}",
			"\u0000", "\u0000{}", "{}\u0000", "{} {}", "{}garbage", ")]}'\n{}", "<xml/>", "session_id=x&new_status=y",
			"--xyz\r\nContent-Disposition: form-data; name=\"session_id\"\r\n\r\nx\r\n--xyz--\r\n", "\\", "{\"\\",
			"[\"session_id\", \"new_status\"]", "{\"session_id\": {\"$ne\": null}}", "{\"__proto__\": {\"a\": 1}}" };

	private final Random random;

	private final Target target;

	private final HostileText text;

	JsonBodies(Random random, Target target, HostileText text) {
		this.random = random;
		this.target = target;
		this.text = text;
	}

	/**
	 * A JSON object body with the given fields, or something that is not quite one.
	 */
	Body objectBody(List<String> fields) {
		int pick = this.random.nextInt(100);
		if (pick < 50) {
			String json = object(fields);
			return new Body(utf8(json), "object " + json);
		}
		if (pick < 58) {
			String json = value(0);
			return new Body(utf8(json), "value " + json);
		}
		if (pick < 72) {
			return malformed(fields);
		}
		if (pick < 80) {
			String json = object(fields);
			byte[] bytes = utf8(json);
			int at = 1 + this.random.nextInt(Math.max(1, bytes.length - 1));
			byte[] bad = this.text.pick(HostileText.BAD_UTF8);
			return new Body(concat(Arrays.copyOf(bytes, at), concat(bad, Arrays.copyOfRange(bytes, at, bytes.length))),
					"bad UTF-8 in " + json);
		}
		if (pick < 88) {
			return huge(fields);
		}
		if (pick < 93) {
			String json = object(fields);
			return switch (this.random.nextInt(3)) {
				case 0 -> new Body(json.getBytes(StandardCharsets.UTF_16), "UTF-16 " + json);
				case 1 ->
					new Body(concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, utf8(json)), "BOM " + json);
				default -> new Body(json.getBytes(StandardCharsets.ISO_8859_1), "Latin-1 " + json);
			};
		}
		return switch (this.random.nextInt(3)) {
			case 0 -> new Body(null, "no body");
			case 1 -> new Body(new byte[0], "empty body");
			default -> new Body(utf8(this.text.pick(" ", "\n", "\r\n\t ", "\u000B", "\u00A0", "\u3000")), "blank body");
		};
	}

	private Body malformed(List<String> fields) {
		switch (this.random.nextInt(4)) {
			case 0 -> {
				String text = this.text.pick(MALFORMED);
				return new Body(utf8(text), "malformed " + text);
			}
			case 1 -> {
				String json = object(fields);
				String cut = json.substring(0, this.random.nextInt(json.length()));
				return new Body(utf8(cut), "truncated " + cut);
			}
			case 2 -> {
				byte[] bytes = utf8(object(fields));
				bytes[this.random.nextInt(bytes.length)] = (byte) this.random.nextInt(256);
				return new Body(bytes, "byte flipped " + new String(bytes, StandardCharsets.UTF_8));
			}
			default -> {
				String json = object(fields);
				int at = this.random.nextInt(json.length() + 1);
				String broken = json.substring(0, at)
						+ this.text.pick("\"", "{", "}", "[", ",", ":", "\\", "'", "\u0000") + json.substring(at);
				return new Body(utf8(broken), "char inserted " + broken);
			}
		}
	}

	/** Bodies near and over the 16 KiB limit: long values, padding, deep nesting. */
	private Body huge(List<String> fields) {
		int size = this.text
			.pick(new int[] { 4096, MAX_BODY - 64, MAX_BODY - 1, MAX_BODY, MAX_BODY + 1, 17_000, 40_000, 70_000 });
		switch (this.random.nextInt(4)) {
			case 0 -> {
				String field = this.text.pick(fields);
				String filler = this.text.pick("A", "ก", "\uD83D\uDD25", "'", "\\\\", " ", "0");
				String json = "{\"" + field + "\": \"" + filler.repeat(Math.max(1, size / utf8(filler).length)) + "\"}";
				return new Body(utf8(json), "long " + field + " ~" + json.length() + " chars");
			}
			case 1 -> {
				String json = " ".repeat(size) + object(fields);
				return new Body(utf8(json), "padded to " + json.length() + " bytes");
			}
			case 2 -> {
				int depth = size / 2;
				String json = "[".repeat(depth) + "]".repeat(depth);
				return new Body(utf8(json), "nested " + depth + " deep");
			}
			default -> {
				StringBuilder json = new StringBuilder("{");
				for (int i = 0; json.length() < size; i++) {
					json.append(i == 0 ? "" : ",").append('"').append(this.text.pick(fields)).append(i);
					json.append("\":").append(i);
				}
				json.append('}');
				return new Body(utf8(json.toString()), "many fields, " + json.length() + " bytes");
			}
		}
	}

	/**
	 * A JSON object naming the fields, each value hostile, some missing, doubled or
	 * misnamed.
	 */
	String object(List<String> fields) {
		StringBuilder json = new StringBuilder("{");
		List<String> members = new ArrayList<>();
		for (String field : fields) {
			int pick = this.random.nextInt(100);
			if (pick < 10) {
				continue;
			}
			String name = pick < 16 ? this.text.pick(field.toUpperCase(Locale.ROOT), field.replace('_', '-'),
					" " + field, field + "\u0000", field + " ") : field;
			members.add(this.text.quote(name) + ":" + fieldValue(field));
			if (this.random.nextInt(12) == 0) {
				members.add(this.text.quote(field) + ":" + fieldValue(field));
			}
		}
		for (int i = this.random.nextInt(4) == 0 ? this.random.nextInt(3) + 1 : 0; i > 0; i--) {
			members.add(this.text.quote(this.text.text()) + ":" + value(1));
		}
		Collections.shuffle(members, this.random);
		json.append(String.join(this.text.pick(",", ", ", " ,\n"), members)).append('}');
		return json.toString();
	}

	/**
	 * A value for a known field: usually a string near what the field expects, sometimes
	 * any JSON.
	 */
	private String fieldValue(String field) {
		int pick = this.random.nextInt(100);
		if (pick < 30) {
			return value(1);
		}
		if (pick < 55) {
			return this.text.quote(switch (field) {
				case "session_id" ->
					this.random.nextBoolean() ? this.text.pick(this.target.sessions()) : this.text.idLike();
				case "new_status" -> this.random.nextBoolean() ? this.text.pick(HostileText.STEPS)
						: this.text.mutate(this.text.pick(HostileText.STEPS));
				case "coupon_code" -> this.random.nextBoolean() ? this.text.pick(this.target.codes())
						: this.text.mutate(this.text.pick(this.target.codes()));
				default -> this.text.text();
			});
		}
		return this.text.quote(this.text.text());
	}

	/** Any JSON value, of any type, nested at most a little. */
	String value(int depth) {
		int pick = this.random.nextInt(depth > 2 ? 6 : 9);
		return switch (pick) {
			case 0, 1, 2 -> this.text.quote(this.text.text());
			case 3 -> this.text.pick("0", "-0", "1", "-1", "9223372036854775808", "1e309", "-1e-400", "3.14", "1E2",
					"123456789012345678901234567890", "1" + "0".repeat(1200), "0.0000001");
			case 4 -> this.text.pick("true", "false");
			case 5 -> "null";
			case 6 -> "[" + String.join(",", values(depth)) + "]";
			case 7 -> {
				List<String> members = new ArrayList<>();
				for (String value : values(depth)) {
					members.add(this.text.quote(this.text.text()) + ":" + value);
				}
				yield "{" + String.join(",", members) + "}";
			}
			default -> "[" + this.text.quote(this.text.text()) + "]";
		};
	}

	private List<String> values(int depth) {
		List<String> values = new ArrayList<>();
		for (int i = this.random.nextInt(4); i > 0; i--) {
			values.add(value(depth + 1));
		}
		return values;
	}

}
