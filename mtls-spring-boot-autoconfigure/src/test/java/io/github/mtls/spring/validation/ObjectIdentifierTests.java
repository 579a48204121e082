package io.github.mtls.spring.validation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ObjectIdentifierTests {

	@Test
	void isDottedWhenDottedDecimalArcsThenTrue() {
		assertThat(ObjectIdentifier.isDotted("1.2.410.200005.1.1.1")).isTrue();
		assertThat(ObjectIdentifier.isDotted("2.5.29.32.0")).isTrue();
		assertThat(ObjectIdentifier.isDotted("0.0")).isTrue();
	}

	@Test
	void isDottedWhenFirstArcAboveTwoThenFalse() {
		assertThat(ObjectIdentifier.isDotted("3.1")).isFalse();
	}

	@Test
	void isDottedWhenAnArcHasALeadingZeroThenFalse() {
		assertThat(ObjectIdentifier.isDotted("1.02.3")).isFalse();
	}

	@Test
	void isDottedWhenOneArcOrEmptyArcsThenFalse() {
		assertThat(ObjectIdentifier.isDotted("1")).isFalse();
		assertThat(ObjectIdentifier.isDotted("1..2")).isFalse();
		assertThat(ObjectIdentifier.isDotted("1.2.")).isFalse();
		assertThat(ObjectIdentifier.isDotted("")).isFalse();
	}

	@Test
	void isDottedWhenNotDigitsThenFalse() {
		assertThat(ObjectIdentifier.isDotted("client-auth")).isFalse();
		assertThat(ObjectIdentifier.isDotted(" 1.2")).isFalse();
		assertThat(ObjectIdentifier.isDotted("1.2\n")).isFalse();
	}

}
