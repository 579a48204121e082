package io.github.mtls.spring.autoconfigure;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.mtls.spring.test.pki.IssuedCertificate;
import io.github.mtls.spring.validation.revocation.OcspResponderProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real HTTPS with OCSP revocation checking against a real responder
 * ({@code openssl ocsp}), failing closed.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RevocationHttpsTests {

	static final IssuedCertificate revoked = TestPki.clientCa.leaf("Revoked Fintech")
		.serialNumber("2208112345")
		.clientAuth()
		.issue();

	static final IssuedCertificate unseen = TestPki.clientCa.leaf("Example Fintech")
		.serialNumber("2208112345")
		.clientAuth()
		.issue();

	private static OcspResponderProcess responder;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws Exception {
		responder = OcspResponderProcess.start(TestPki.clientCa.issued(), TestPki.clientCa.issued(),
				Files.createTempDirectory("mtls-ocsp"),
				List.of(OcspResponderProcess.valid(TestPki.registered.certificate()),
						OcspResponderProcess.valid(unseen.certificate()),
						OcspResponderProcess.revoked(revoked.certificate(), "keyCompromise")));
		Properties.register(registry, TestPki.serverSsl("client-ca.p12"));
		Properties.register(registry, TestApplication.OPERATORS);
		registry.add("mtls.validation.revocation", () -> "ocsp");
		registry.add("mtls.validation.ocsp-responder", () -> responder.uri().toString());
	}

	@AfterAll
	static void stopResponder() {
		if (responder != null) {
			responder.close();
		}
	}

	@Test
	@Order(1)
	void getWhenCertificateGoodThenOk() {
		assertThat(get(TestPki.registered).statusCode()).isEqualTo(200);
	}

	@Test
	@Order(2)
	void getWhenCertificateRevokedThenRefusedWith40101() {
		HttpResponse<String> response = get(revoked);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body())
			.isEqualTo("{\"rsp_code\":\"40101\",\"rsp_msg\":\"client certificate has been revoked\"}");
	}

	@Test
	@Order(3)
	void getWhenResponderDownThenUnknownStatusRefusedButCachedValidationsStand() {
		responder.close();
		HttpResponse<String> response = get(unseen);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("revocation status is unknown");
		assertThat(get(TestPki.registered).statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> get(IssuedCertificate certificate) {
		return HttpsRequests.get(TestPki.client(certificate), this.port, "/whoami");
	}

}
