package io.github.mtls.sample.devpki;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CurlWalkthrough}.
 */
class CurlWalkthroughTests {

	@Test
	void stepsWhenFolderAndPortThenFirstCallsWhoamiAsOperator() {
		assertThat(CurlWalkthrough.steps("dev-pki", 8443).get(0).commandLine()).isEqualTo(
				"curl --cacert dev-pki/ca.pem --cert dev-pki/operator.pem --key dev-pki/operator-key.pem https://localhost:8443/whoami");
	}

	@Test
	void stepsWhenFolderAndPortThenLastPresentsNoCertificate() {
		List<CurlWalkthrough.Step> steps = CurlWalkthrough.steps("dev-pki", 8443);
		assertThat(steps.get(steps.size() - 1).arguments()).containsExactly("curl", "--cacert", "dev-pki/ca.pem",
				"https://localhost:8443/whoami");
	}

	@Test
	void commandLineWhenArgumentHasSpaceThenQuotesIt() {
		CurlWalkthrough.Step step = new CurlWalkthrough.Step("test", List.of("curl", "--cacert", "my pki/ca.pem"));
		assertThat(step.commandLine()).isEqualTo("curl --cacert 'my pki/ca.pem'");
	}

}
