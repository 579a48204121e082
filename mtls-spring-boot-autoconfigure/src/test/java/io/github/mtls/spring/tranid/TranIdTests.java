package io.github.mtls.spring.tranid;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TranIdTests {

	@Test
	void isStandardWhenUpperCaseLettersAndDigitsUpTo25ThenTrue() {
		assertThat(TranId.isStandard("A1AAER0000M000000001")).isTrue();
		assertThat(TranId.isStandard("A".repeat(25))).isTrue();
		assertThat(TranId.isStandard("A".repeat(26))).isFalse();
		assertThat(TranId.isStandard("a1")).isFalse();
		assertThat(TranId.isStandard("")).isFalse();
		assertThat(TranId.isStandard(null)).isFalse();
	}

	@Test
	void isEchoableWhenSafeCharactersUpTo64ThenTrue() {
		assertThat(TranId.isEchoable("550e8400-e29b-41d4-a716-446655440000")).isTrue();
		assertThat(TranId.isEchoable("a_b-C")).isTrue();
		assertThat(TranId.isEchoable("x".repeat(65))).isFalse();
		assertThat(TranId.isEchoable("A1\r\nSet-Cookie: x")).isFalse();
		assertThat(TranId.isEchoable("A1 B")).isFalse();
		assertThat(TranId.isEchoable(null)).isFalse();
	}

}
