package io.github.mtls.sample.devpki;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MyDataCallWalkthrough} and {@link DevTokens}.
 */
class MyDataCallWalkthroughTests {

	private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

	private static final List<MyDataCallWalkthrough.Operator> OPERATORS = List.of(
			new MyDataCallWalkthrough.Operator("operator", "Example Fintech", "A1AAER0000",
					List.of("bank.list", "card.list")),
			new MyDataCallWalkthrough.Operator("bank-only", "Example Bank Data", "C1CCBK0000", List.of("bank.list")));

	@TempDir
	static Path folder;

	static DevPki pki;

	@BeforeAll
	static void mint() {
		pki = new DevPki(folder);
		pki.createIfAbsent();
	}

	@Test
	void stepsWhenTwoOperatorsThenEachWithUnboundAndBoundTokenThenTwoRefusals() {
		List<CurlWalkthrough.Step> steps = steps();
		assertThat(steps).extracting(CurlWalkthrough.Step::expectation)
			.containsExactly("Example Fintech (A1AAER0000), certificate and access token: 200",
					"Example Fintech (A1AAER0000), token bound to its certificate (cnf.x5t#S256): 200 with token_subject and token_scopes",
					"Example Bank Data (C1CCBK0000), certificate and access token: 200",
					"Example Bank Data (C1CCBK0000), token bound to its certificate (cnf.x5t#S256): 200 with token_subject and token_scopes",
					"certificate without access token: 401, rsp_code 40101",
					"token of another operator (C1CCBK0000): 401, rsp_code 40101");
	}

	@Test
	void stepsWhenTokenThenHeaderBeforeUrlAndQuoted() {
		String line = steps().get(0).commandLine();
		assertThat(line).startsWith(
				"curl --cacert dev-pki/ca.pem --cert dev-pki/operator.pem --key dev-pki/operator-key.pem -H 'Authorization: Bearer ey")
			.endsWith("' https://localhost:8443/v2/bank/accounts");
	}

	@Test
	void unboundTokenCarriesSubjectScopeClientIdAndOneDayExpiry() {
		Jwt jwt = decode(argument(steps().get(0)));
		assertThat(jwt.getSubject()).isEqualTo(DevTokens.SUBJECT);
		assertThat(jwt.getClaimAsString("scope")).isEqualTo("bank.list card.list");
		assertThat(jwt.getClaimAsString("client_id")).isEqualTo("A1AAER0000");
		assertThat(jwt.getIssuedAt()).isEqualTo(NOW);
		assertThat(jwt.getExpiresAt()).isEqualTo(NOW.plus(DevTokens.LIFETIME));
		assertThat(jwt.getHeaders()).containsEntry("alg", "RS256");
		assertThat(jwt.getClaims()).doesNotContainKey("cnf");
	}

	@Test
	void boundTokenCarriesThumbprintOfTheOperatorsCertificate() throws Exception {
		Jwt jwt = decode(argument(steps().get(1)));
		X509Certificate certificate;
		try (InputStream in = Files.newInputStream(pki.file("operator.pem"))) {
			certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
		}
		String thumbprint = DevTokens.thumbprint(certificate);
		assertThat(jwt.getClaimAsMap("cnf")).containsEntry("x5t#S256", thumbprint);
	}

	private static List<CurlWalkthrough.Step> steps() {
		return MyDataCallWalkthrough.steps("dev-pki", 8443, pki, OPERATORS,
				new DevTokens(pki, Clock.fixed(NOW, ZoneOffset.UTC)));
	}

	private static String argument(CurlWalkthrough.Step step) {
		String header = step.arguments().get(step.arguments().indexOf("-H") + 1);
		return header.substring("Authorization: Bearer ".length());
	}

	private static Jwt decode(String token) {
		// Signature checked; expiry not, the fixed clock lies in the past.
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(pki.tokenPublicKey()).build();
		decoder.setJwtValidator((jwt) -> OAuth2TokenValidatorResult.success());
		return decoder.decode(token);
	}

}
