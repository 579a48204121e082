package io.github.mtls.spring.autoconfigure;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.security.MtlsRejectionEvent;
import io.github.mtls.spring.test.pki.IssuedCertificate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real HTTPS with the resource server in the user's chain and
 * {@code mtls.errors.format: problem-detail}: access-token refusals answer an RFC 9457
 * problem detail as {@code application/problem+json} with {@code rsp_code} and
 * {@code rsp_msg} as top-level members, the resource server's {@code WWW-Authenticate}
 * kept where it set one, and the audit names the real reason.
 */
@SpringBootTest(classes = { TestApplication.class, ResourceServerHttpsTests.ResourceServerChain.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
class TokenProblemDetailHttpsTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	ResourceServerHttpsTests.RecordedRefusals refusals;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		Properties.register(registry, TestPki.serverSsl("client-ca.p12"));
		Properties.register(registry, TestApplication.OPERATORS);
		Properties.register(registry, "mtls.client-auth=want", "mtls.errors.format=problem-detail",
				"mtls.token-binding.claim=client_id", "mtls.access-rules[3].path=/v2/consent/**",
				"mtls.access-rules[3].token-scopes=bank.list");
	}

	@Test
	void getWhenExpiredTokenThenProblemDetailWithWwwAuthenticateKept() {
		String token = TestTokens.token(Map.of("client_id", "A1AAER0000"), Instant.now().minusSeconds(600));
		HttpResponse<String> response = send(TestPki.registered, "/refused/expired", token);
		assertProblem(response, "40101", "invalid access token");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				(header) -> assertThat(header).startsWith("Bearer").contains("error=\"invalid_token\""));
		assertRefused("/refused/expired", MtlsReason.TOKEN_INVALID);
	}

	@Test
	void getWhenMalformedTokenThenProblemDetailWithWwwAuthenticateKept() {
		HttpResponse<String> response = send(TestPki.registered, "/refused/malformed", "not.a.jwt");
		assertProblem(response, "40101", "invalid access token");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				(header) -> assertThat(header).startsWith("Bearer").contains("error=\"invalid_token\""));
		assertRefused("/refused/malformed", MtlsReason.TOKEN_INVALID);
	}

	@Test
	void getWhenRuleRequiresTokenAndNoneThenProblemDetail() {
		HttpResponse<String> response = HttpsRequests.get(TestPki.client(TestPki.registered), this.port,
				"/v2/consent/no-token");
		assertProblem(response, "40101", "access token required");
		assertRefused("/v2/consent/no-token", MtlsReason.TOKEN_REQUIRED);
	}

	@Test
	void getWhenTokenLacksTheRulesTokenScopeThenProblemDetail() {
		String token = TestTokens.token(Map.of("client_id", "A1AAER0000", "scope", "card.list"));
		HttpResponse<String> response = send(TestPki.registered, "/v2/consent/card-only", token);
		assertProblem(response, "40104", "access token scope not granted");
		assertRefused("/v2/consent/card-only", MtlsReason.TOKEN_SCOPE_NOT_GRANTED);
	}

	@Test
	void getWhenTokenIssuedToAnotherOperatorThenProblemDetail() {
		String token = TestTokens.token(Map.of("client_id", "C1CCBK0000"));
		HttpResponse<String> response = send(TestPki.registered, "/refused/other-operator", token);
		assertProblem(response, "40101", "access token is not bound to this operator");
		assertRefused("/refused/other-operator", MtlsReason.TOKEN_NOT_BOUND);
	}

	@Test
	void getWhenTokenBoundToAnotherCertificateThenProblemDetailWithWwwAuthenticateKept() {
		String token = TestTokens.token(Map.of("client_id", "A1AAER0000", "cnf",
				Map.of("x5t#S256", TokenBindingHttpsTests.thumbprint(TestPki.bankOnly))));
		HttpResponse<String> response = send(TestPki.registered, "/refused/other-certificate", token);
		assertProblem(response, "40101", "access token is not bound to this operator");
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((header) -> assertThat(header).startsWith("Bearer")
				.contains("error=\"invalid_token\"")
				.contains("Invalid SHA-256 Thumbprint for X509Certificate."));
		assertRefused("/refused/other-certificate", MtlsReason.TOKEN_NOT_BOUND);
	}

	@Test
	void getWhenValidBoundTokenThenGranted() {
		String token = TestTokens.token(Map.of("client_id", "A1AAER0000", "scope", "bank.list"));
		HttpResponse<String> response = send(TestPki.registered, "/v2/consent/accounts", token);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"rsp_code\":\"00000\"}");
	}

	private HttpResponse<String> send(IssuedCertificate certificate, String path, String token) {
		return HttpsRequests.get(TestPki.client(certificate), this.port, path, "Authorization", "Bearer " + token);
	}

	private static void assertProblem(HttpResponse<String> response, String rspCode, String rspMessage) {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		@SuppressWarnings("unchecked")
		Map<String, Object> body = json.readValue(response.body(), Map.class);
		assertThat(body).containsExactlyInAnyOrderEntriesOf(Map.of("title", "Unauthorized", "status", 401, "detail",
				rspMessage, "rsp_code", rspCode, "rsp_msg", rspMessage));
	}

	private void assertRefused(String path, MtlsReason reason) {
		MtlsRejectionEvent event = Refusals.of(this.refusals, path);
		assertThat(event.getReason()).isEqualTo(reason);
		assertThat(event.getFingerprint()).isEqualTo(TestPki.registered.sha256Fingerprint());
		assertThat(event.getOrgCodes()).containsExactly("A1AAER0000");
	}

}
