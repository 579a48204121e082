package io.github.mtls.spring.autoconfigure;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.mtls.spring.test.pki.IssuedCertificate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real HTTPS with the default chain and a JWT decoder whose validators leave out Spring
 * Security's certificate thumbprint validator, as a user's {@code setJwtValidator(...)}
 * does: a token's {@code cnf.x5t#S256} still binds it to its certificate.
 */
@SpringBootTest(classes = { TestApplication.class, CertificateConfirmationHttpsTests.Decoder.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
class CertificateConfirmationHttpsTests {

	private static final String NOT_BOUND = "{\"rsp_code\":\"40101\",\"rsp_msg\":\"access token is not bound to this operator\"}";

	private static final String INVALID = "{\"rsp_code\":\"40101\",\"rsp_msg\":\"invalid access token\"}";

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		Properties.register(registry, TestPki.serverSsl("client-ca.p12"));
		Properties.register(registry, TestApplication.OPERATORS);
		Properties.register(registry, "mtls.client-auth=want");
	}

	@Test
	void getWhenTokenNamesACertificateAndNoneIsPresentedThenRefusedAsNotBoundEvenOnAnOpenPath() {
		// Behind a proxy the TLS peer's own certificate is the servlet attribute Spring's
		// thumbprint validator reads; here that validator is absent, and the starter must
		// not let a bound token through without the certificate it names.
		String token = TestTokens.token(Map.of("cnf", Map.of("x5t#S256", thumbprint(TestPki.registered))));
		HttpResponse<String> response = HttpsRequests.get(TestPki.clientWithoutCertificate(), this.port, "/public/ping",
				"Authorization", "Bearer " + token);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(NOT_BOUND);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
	}

	@Test
	void getWhenUnboundTokenWithoutCertificateOnAnOpenPathThenServed() {
		String token = TestTokens.token(Map.of("scope", "bank.list"));
		assertThat(HttpsRequests
			.get(TestPki.clientWithoutCertificate(), this.port, "/public/ping", "Authorization", "Bearer " + token)
			.statusCode()).isEqualTo(200);
	}

	@Test
	void getWhenTokenNamesThePresentedCertificateThenGranted() {
		String token = TestTokens.token(Map.of("cnf", Map.of("x5t#S256", thumbprint(TestPki.registered))));
		assertThat(send(TestPki.registered, token).statusCode()).isEqualTo(200);
	}

	@Test
	void getWhenTokenNamesAnotherCertificateThenRefusedAsNotBound() {
		String token = TestTokens.token(Map.of("cnf", Map.of("x5t#S256", thumbprint(TestPki.registered))));
		HttpResponse<String> response = send(TestPki.bankOnly, token);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(NOT_BOUND);
	}

	@Test
	void getWhenTokenConfirmationIsNotAnObjectThenRefusedAsInvalidNotAServerError() {
		// Spring Security 7.1's bearer filter throws IllegalArgumentException reading
		// such
		// a cnf claim (a 500 before the starter answered it).
		String token = TestTokens.token(Map.of("cnf", thumbprint(TestPki.registered)));
		HttpResponse<String> response = send(TestPki.registered, token);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(INVALID);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
	}

	@Test
	void getWhenTokenThumbprintIsNotAStringThenRefusedAsNotBound() {
		String token = TestTokens.token(Map.of("cnf", Map.of("x5t#S256", 42)));
		HttpResponse<String> response = send(TestPki.registered, token);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(NOT_BOUND);
	}

	@Test
	void getWhenTokenIsBoundToADPoPKeyThenRefusedAsBearer() {
		// A DPoP-bound token (cnf.jkt) presented as a plain bearer token: Spring Security
		// refuses it, and the answer is the MyData body.
		String token = TestTokens.token(Map.of("cnf", Map.of("jkt", "0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I")));
		HttpResponse<String> response = send(TestPki.registered, token);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(INVALID);
	}

	private HttpResponse<String> send(IssuedCertificate certificate, String token) {
		return HttpsRequests.get(TestPki.client(certificate), this.port, "/whoami", "Authorization", "Bearer " + token);
	}

	private static String thumbprint(IssuedCertificate certificate) {
		return TokenBindingHttpsTests.thumbprint(certificate);
	}

	@Configuration(proxyBeanMethods = false)
	static class Decoder {

		@Bean
		JwtDecoder jwtDecoder() {
			return TestTokens.decoderWithoutThumbprintValidator();
		}

	}

}
