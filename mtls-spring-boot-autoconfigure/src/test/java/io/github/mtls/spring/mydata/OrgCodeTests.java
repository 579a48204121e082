package io.github.mtls.spring.mydata;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class OrgCodeTests {

	@ParameterizedTest
	@ValueSource(strings = { "A1B2C3D4E5", "abcdefghij", "0123456789" })
	void isValidWhenTenAsciiLettersAndDigitsThenTrue(String text) {
		assertThat(OrgCode.isValid(text)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "A1B2C3D4E", "A1B2C3D4E5F", "", "A1B2C3D4E-", "A1B2C3D4E ", "A1B2C3D4E\u00c9",
			"A1B2C3D4E\u0661" })
	void isValidWhenNotTenAsciiLettersAndDigitsThenFalse(String text) {
		assertThat(OrgCode.isValid(text)).isFalse();
	}

}
