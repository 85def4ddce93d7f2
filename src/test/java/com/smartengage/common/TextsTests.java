package com.smartengage.common;

import org.junit.jupiter.api.Test;

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

}
