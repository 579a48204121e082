package io.github.mtls.spring.autoconfigure;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real HTTPS with {@code mtls.client-auth: want}, the handshake trusting two CAs while
 * {@code mtls.trust-bundle} names only the client CA: every chain is validated against
 * the bundle, so a certificate the handshake accepted can still be refused.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class WantClientAuthHttpsTests {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		Properties.register(registry, TestPki.serverSsl("client-and-other-ca.p12"));
		Properties.register(registry, TestApplication.OPERATORS);
		registry.add("mtls.client-auth", () -> "want");
		registry.add("server.forward-headers-strategy", () -> "native");
		registry.add("mtls.trust-bundle", () -> "mydata-ca");
		registry.add("spring.ssl.bundle.pem.mydata-ca.truststore.certificate", () -> TestPki.file("client-ca.pem"));
	}

	@Test
	void getWhenNoClientCertificateThenRefusedWith40101() {
		HttpResponse<String> response = HttpsRequests.get(TestPki.clientWithoutCertificate(), this.port, "/whoami");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo("{\"rsp_code\":\"40101\",\"rsp_msg\":\"client certificate required\"}");
	}

	@Test
	void getWhenPermitAllPathAndNoClientCertificateThenOk() {
		HttpResponse<String> response = HttpsRequests.get(TestPki.clientWithoutCertificate(), this.port,
				"/public/ping");
		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void peerAddressIsTheConnectionsEvenWhenRemoteIpValveRewritesRemoteAddr() {
		HttpResponse<String> response = HttpsRequests.get(TestPki.clientWithoutCertificate(), this.port, "/public/peer",
				"X-Forwarded-For", "203.0.113.9");
		assertThat(response.body()).contains("\"peer\":\"127.0.0.1\"").contains("\"remote\":\"203.0.113.9\"");
	}

	@Test
	void getWhenRegisteredOperatorThenOk() {
		HttpResponse<String> response = HttpsRequests.get(TestPki.client(TestPki.registered), this.port, "/whoami");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("A1AAER0000");
	}

	@Test
	void getWhenCertificateTrustedByHandshakeButNotByTrustBundleThenRefusedWith40101() {
		HttpResponse<String> response = HttpsRequests.get(TestPki.client(TestPki.fromOtherCa), this.port, "/whoami");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body())
			.isEqualTo("{\"rsp_code\":\"40101\",\"rsp_msg\":\"client certificate is not issued by a trusted CA\"}");
	}

}
