package com.smartengage.common.text;

import org.junit.jupiter.api.Test;

import com.smartengage.common.web.BadRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TextsTests {

	@Test
	void requiredTrimsAndKeepsThaiAndEmoji() {
		assertThat(Texts.required("name", "  ร้านกาแฟ ☕😀  ", 50)).isEqualTo("ร้านกาแฟ ☕😀");
	}

	@Test
	void requiredRefusesMissingAndBlank() {
		assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> Texts.required("name", null, 10))
			.withMessage("name is required");
		assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> Texts.required("name", " \t", 10))
			.withMessage("name is required");
	}

	@Test
	void refusesTooLong() {
		assertThatExceptionOfType(BadRequestException.class)
			.isThrownBy(() -> Texts.required("name", "x".repeat(11), 10))
			.withMessage("name must be at most 10 characters");
	}

	@Test
	void refusesNulControlCharactersAndUnpairedSurrogates() {
		for (String bad : new String[] { "a\u0000b", "a\nb", "a\u001bb", "a\uD800b", "a\uDC00" }) {
			assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> Texts.optional("location", bad, 50))
				.withMessage("location must not contain control characters");
		}
	}

	@Test
	void optionalIsNullWhenBlank() {
		assertThat(Texts.optional("location", "   ", 10)).isNull();
		assertThat(Texts.optional("location", null, 10)).isNull();
	}

	@Test
	void refusesTextDirectionControlsAndZeroWidthCharacters() {
		for (String text : new String[] { "Shop\u202Egnp", "a\u200Bb", "\uFEFFa", "a\u2066b\u2069", "a\u200Fb",
				"ab\u00AD", "a\u2060b", "x\u200Dy", "\u200D\uD83D\uDC68", "\u0645\u200C", "\u3164", "a\u034Fb",
				"a\uDB40\uDC67b", "\u206Aab" }) {
			assertThat(Texts.hasHiddenCharacters(text)).as(text).isTrue();
			assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> Texts.required("name", text, 100))
				.withMessageStartingWith("name must not contain invisible or text-direction characters");
		}
	}

	@Test
	void keepsJoinersWhereScriptsAndEmojiNeedThem() {
		for (String text : new String[] { "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
				"\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08", "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645",
				"\u0E2A\u0E27\u0E31\u0E2A\u0E14\u0E35", "Caf\u00E9",
				"\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F" }) {
			assertThat(Texts.hasHiddenCharacters(text)).as(text).isFalse();
		}
	}

}
