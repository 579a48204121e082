package io.github.mtls.spring.validation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ObjectIdentifierTests {

	@ParameterizedTest
	@ValueSource(strings = { "1.2.410.200005.1.1.1", "2.5.29.32.0", "0.0" })
	void isDottedWhenDottedDecimalArcsThenTrue(String text) {
		assertThat(ObjectIdentifier.isDotted(text)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "3.1", "1.02.3", "1", "1..2", "1.2.", "", "client-auth", " 1.2", "1.2\n" })
	void isDottedWhenFirstArcAboveTwoLeadingZeroEmptyArcOrNotDigitsThenFalse(String text) {
		assertThat(ObjectIdentifier.isDotted(text)).isFalse();
	}

}
