package com.smartengage.common.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTests {

	@Test
	void echoKeepsShortIdsAsTheyAre() {
		assertThat(Ids.echo("8960569d-db50-4742-8668-1da5c8ddf652")).isEqualTo("8960569d-db50-4742-8668-1da5c8ddf652");
	}

	@Test
	void echoCutsLongTextAndMarksTheCut() {
		String echoed = Ids.echo("x".repeat(10_000));
		assertThat(echoed).hasSize(Ids.MAX_ECHO + 3).endsWith("...");
	}

	@Test
	void echoNeverSplitsASurrogatePair() {
		String echoed = Ids.echo("😀".repeat(100));
		assertThat(echoed.codePoints().filter((cp) -> cp == 0x1F600).count()).isEqualTo(Ids.MAX_ECHO);
		assertThat(echoed).endsWith("...");
	}

	@Test
	void echoReplacesControlCharacters() {
		assertThat(Ids.echo("a\r\nb\u0000c")).isEqualTo("a??b?c");
	}

	@Test
	void echoReplacesUnpairedSurrogates() {
		assertThat(Ids.echo("a\uD800b\uDC00")).isEqualTo("a?b?");
	}

	@Test
	void parseUuidAcceptsOnlyTheCanonicalForm() {
		assertThat(Ids.parseUuid("8960569d-db50-4742-8668-1da5c8ddf652")).isNotNull();
		assertThat(Ids.parseUuid("8960569D-DB50-4742-8668-1DA5C8DDF652")).isNotNull();
		assertThat(Ids.parseUuid("1-1-1-1-1")).isNull();
		assertThat(Ids.parseUuid("8960569d-db50-4742-8668-1da5c8ddf65")).isNull();
		assertThat(Ids.parseUuid("8960569d db50-4742-8668-1da5c8ddf652")).isNull();
		assertThat(Ids.parseUuid("' OR 1=1 --")).isNull();
		assertThat(Ids.parseUuid("8960569g-db50-4742-8668-1da5c8ddf652")).isNull();
		assertThat(Ids.parseUuid("８960569d-db50-4742-8668-1da5c8ddf652")).as("a full-width digit").isNull();
		assertThat(Ids.parseUuid("8960569d-db50-4742-8668+1da5c8ddf652")).isNull();
		assertThat(Ids.parseUuid(null)).isNull();
	}

}
