package com.smartengage.common.text;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HashingTests {

	@Test
	void sha256MatchesTheStandardTestVectors() {
		assertThat(Hashing.sha256Hex("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(Hashing.sha256Hex("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	}

	@Test
	void hashesStayRightWhenManyThreadsHashAtOnce() {
		List<String> hashes = IntStream.range(0, 20_000)
			.parallel()
			.mapToObj((i) -> Hashing.sha256Hex("abc"))
			.distinct()
			.toList();
		assertThat(hashes).containsExactly("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

}
