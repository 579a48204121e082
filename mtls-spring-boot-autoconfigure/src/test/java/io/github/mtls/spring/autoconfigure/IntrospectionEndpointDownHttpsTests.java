package io.github.mtls.spring.autoconfigure;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.security.MtlsRejectionEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real HTTPS with the default chain and an introspection endpoint that is down (nothing
 * listens on its port): a MyData call with a valid certificate and a token is refused
 * with the MyData body, never a 5xx, and the audit names the token, not the certificate.
 */
@SpringBootTest(classes = { TestApplication.class, OpaqueTokenCallContract.CallBeans.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
class IntrospectionEndpointDownHttpsTests {

	static final int CLOSED_PORT = ProxyProcess.freePort();

	@LocalServerPort
	int port;

	@Autowired
	ResourceServerHttpsTests.RecordedRefusals refusals;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		Properties.register(registry, TestPki.serverSsl("client-ca.p12"));
		Properties.register(registry, TestApplication.OPERATORS);
		Properties.register(registry, "mtls.client-auth=want",
				"spring.security.oauth2.resourceserver.opaquetoken.introspection-uri=http://127.0.0.1:" + CLOSED_PORT
						+ "/introspect",
				"spring.security.oauth2.resourceserver.opaquetoken.client-id=" + IntrospectionEndpoint.CLIENT_ID,
				"spring.security.oauth2.resourceserver.opaquetoken.client-secret="
						+ IntrospectionEndpoint.CLIENT_SECRET);
	}

	@Test
	void getWhenIntrospectionEndpointIsDownThenInvalidTokenNotAServerError() {
		HttpResponse<String> response = HttpsRequests.get(TestPki.client(TestPki.registered), this.port,
				"/refused/endpoint-down", "Authorization", "Bearer some-opaque-token");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(OpaqueTokenCallContract.INVALID_TOKEN);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
		MtlsRejectionEvent event = Refusals.of(this.refusals, "/refused/endpoint-down");
		assertThat(event.getReason()).isEqualTo(MtlsReason.TOKEN_INVALID);
		assertThat(event.getFingerprint()).isEqualTo(TestPki.registered.sha256Fingerprint());
	}

	@Test
	void getWhenIntrospectionEndpointIsDownAndNoTokenThenCertificateCallAsBefore() {
		HttpResponse<String> response = HttpsRequests.get(TestPki.client(TestPki.registered), this.port, "/whoami");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"org_code\":\"A1AAER0000\"");
	}

}
