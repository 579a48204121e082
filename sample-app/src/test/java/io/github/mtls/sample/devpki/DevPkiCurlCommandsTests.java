package io.github.mtls.sample.devpki;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

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

}
