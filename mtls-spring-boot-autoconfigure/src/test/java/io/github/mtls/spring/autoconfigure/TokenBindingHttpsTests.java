package io.github.mtls.spring.autoconfigure;

import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.test.pki.IssuedCertificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Real HTTPS with the resource server in the chain and {@code mtls.token-binding.claim}
 * set: a token issued to one operator is refused with another operator's certificate, by
 * its binding claim and by its RFC 8705 certificate thumbprint.
 */
@SpringBootTest(classes = { TestApplication.class, ResourceServerHttpsTests.ResourceServerChain.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
class TokenBindingHttpsTests {

	private static final String NOT_BOUND = "{\"rsp_code\":\"40101\",\"rsp_msg\":\"access token is not bound to this operator\"}";

	@LocalServerPort
	int port;

	@Autowired
	ResourceServerHttpsTests.RecordedRefusals refusals;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		Properties.register(registry, TestPki.serverSsl("client-ca.p12"));
		Properties.register(registry, TestApplication.OPERATORS);
		Properties.register(registry, "mtls.client-auth=want", "mtls.token-binding.claim=client_id",
				"mtls.mydata.operators[0].client-ids=fintech-app,fintech-web");
	}

	@Test
	void getWhenClaimNamesTheOperatorsOrgCodeThenGranted() {
		String token = TestTokens.token(Map.of("client_id", "A1AAER0000"));
		assertThat(send(TestPki.registered, token).statusCode()).isEqualTo(200);
	}

	@Test
	void getWhenClaimNamesARegisteredClientIdThenGranted() {
		String token = TestTokens.token(Map.of("client_id", "fintech-web"));
		assertThat(send(TestPki.registered, token).statusCode()).isEqualTo(200);
	}

	@Test
	void getWhenTokenOfAnotherOperatorThenRefusedAsNotBound() {
		String token = TestTokens.token(Map.of("client_id", "A1AAER0000"));
		HttpResponse<String> response = send(TestPki.bankOnly, token);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(NOT_BOUND);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
	}

	@Test
	void getWhenTokenHasNoBindingClaimThenRefusedAsNotBound() {
		HttpResponse<String> response = send(TestPki.registered, TestTokens.token(Map.of()));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(NOT_BOUND);
	}

	@Test
	void getWhenTokenThumbprintIsThePresentedCertificatesThenGranted() {
		String token = TestTokens
			.token(Map.of("client_id", "A1AAER0000", "cnf", Map.of("x5t#S256", thumbprint(TestPki.registered))));
		assertThat(send(TestPki.registered, token).statusCode()).isEqualTo(200);
	}

	@Test
	void getWhenTokenThumbprintIsAnotherCertificatesThenRefused() {
		// bankOnly's own client id, but bound by cnf to registered's certificate.
		String token = TestTokens
			.token(Map.of("client_id", "C1CCBK0000", "cnf", Map.of("x5t#S256", thumbprint(TestPki.registered))));
		this.refusals.clear();
		HttpResponse<String> response = send(TestPki.bankOnly, token);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(NOT_BOUND);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((header) -> assertThat(header).startsWith("Bearer").contains("invalid_token"));
		// The audit names the binding and the operator whose certificate came with it.
		await().untilAsserted(() -> assertThat(this.refusals).singleElement().satisfies((event) -> {
			assertThat(event.getReason()).isEqualTo(MtlsReason.TOKEN_NOT_BOUND);
			assertThat(event.getFingerprint()).isEqualTo(TestPki.bankOnly.sha256Fingerprint());
		}));
	}

	@Test
	void getWhenTokenNamesACertificateAndNoneIsPresentedThenRefusedAsNotBound() {
		String token = TestTokens
			.token(Map.of("client_id", "A1AAER0000", "cnf", Map.of("x5t#S256", thumbprint(TestPki.registered))));
		HttpResponse<String> response = HttpsRequests.get(TestPki.clientWithoutCertificate(), this.port, "/whoami",
				"Authorization", "Bearer " + token);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(NOT_BOUND);
	}

	private HttpResponse<String> send(IssuedCertificate certificate, String token) {
		return HttpsRequests.get(TestPki.client(certificate), this.port, "/whoami", "Authorization", "Bearer " + token);
	}

	static String thumbprint(IssuedCertificate certificate) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.certificate().getEncoded());
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException | CertificateEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
