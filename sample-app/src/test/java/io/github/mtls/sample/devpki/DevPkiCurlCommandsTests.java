package io.github.mtls.sample.devpki;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DevPkiCurlCommands}.
 */
class DevPkiCurlCommandsTests {

	@Test
	void displayedWhenBelowWorkingDirectoryThenRelative() {
		Path folder = Path.of("dev-pki").toAbsolutePath();
		assertThat(DevPkiCurlCommands.displayed(folder)).isEqualTo("dev-pki");
	}

	@Test
	void displayedWhenElsewhereThenAbsolute() {
		Path folder = Path.of("/elsewhere/dev-pki");
		assertThat(DevPkiCurlCommands.displayed(folder)).isEqualTo("/elsewhere/dev-pki");
	}

	@Test
	void operatorPortWhenPartnerPortConfiguredThenPartnerPort() {
		MockEnvironment environment = new MockEnvironment().withProperty("mtls.connector.port", "8444");
		assertThat(DevPkiCurlCommands.operatorPort(environment, 8443)).isEqualTo(8444);
	}

	@Test
	void operatorPortWhenNoPartnerPortThenMainPort() {
		assertThat(DevPkiCurlCommands.operatorPort(new MockEnvironment(), 8443)).isEqualTo(8443);
		assertThat(
				DevPkiCurlCommands.operatorPort(new MockEnvironment().withProperty("mtls.connector.port", "0"), 8443))
			.isEqualTo(8443);
	}

}
