package io.github.mtls.spring.mydata;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrgCodeTests {

	@Test
	void isValidWhenTenAsciiLettersAndDigitsThenTrue() {
		assertThat(OrgCode.isValid("A1B2C3D4E5")).isTrue();
		assertThat(OrgCode.isValid("abcdefghij")).isTrue();
		assertThat(OrgCode.isValid("0123456789")).isTrue();
	}

	@Test
	void isValidWhenNotTenCharactersThenFalse() {
		assertThat(OrgCode.isValid("A1B2C3D4E")).isFalse();
		assertThat(OrgCode.isValid("A1B2C3D4E5F")).isFalse();
		assertThat(OrgCode.isValid("")).isFalse();
	}

	@Test
	void isValidWhenOtherThanAsciiLettersAndDigitsThenFalse() {
		assertThat(OrgCode.isValid("A1B2C3D4E-")).isFalse();
		assertThat(OrgCode.isValid("A1B2C3D4E ")).isFalse();
		assertThat(OrgCode.isValid("A1B2C3D4E\u00c9")).isFalse();
		assertThat(OrgCode.isValid("A1B2C3D4E\u0661")).isFalse();
	}

}
