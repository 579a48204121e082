package io.github.mtls.spring.autoconfigure;

import java.net.http.HttpResponse;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Real HTTPS with {@code mtls.client-auth: need}: Tomcat demands a certificate from the
 * client CA, and the starter maps it to an operator.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class NeedClientAuthHttpsTests {

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meterRegistry;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		Properties.register(registry, TestPki.serverSsl("client-ca.p12"));
		Properties.register(registry, TestApplication.OPERATORS);
		registry.add("mtls.client-auth", () -> "need");
	}

	@Test
	void whoamiWhenRegisteredOperatorThenReturnsPrincipal() {
		HttpResponse<String> response = get(TestPki.registered, "/whoami");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.meterRegistry.get("mtls.requests.authenticated")
			.tag("origin", "direct")
			.tag("connector", "main")
			.counter()
			.count()).isPositive();
		assertThat(response.body()).contains("\"org_code\":\"A1AAER0000\"")
			.contains("\"business_number\":\"2208112345\"")
			.contains(TestPki.registered.sha256Fingerprint());
	}

	@Test
	void getWhenScopeGrantedThenOk() {
		assertThat(get(TestPki.registered, "/v2/bank/accounts").statusCode()).isEqualTo(200);
		assertThat(get(TestPki.registered, "/v2/card/cards").statusCode()).isEqualTo(200);
	}

	@Test
	void getWhenUnregisteredThenRefusedWith40103() {
		HttpResponse<String> response = get(TestPki.unregistered, "/whoami");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
		assertThat(response.body()).isEqualTo("{\"rsp_code\":\"40103\",\"rsp_msg\":\"operator is not registered\"}");
		assertThat(this.meterRegistry.get("mtls.requests.rejected")
			.tag("reason", "OPERATOR_NOT_REGISTERED")
			.tag("connector", "main")
			.counter()
			.count()).isPositive();
	}

	@Test
	void getWhenScopeMissingThenRefusedWith40104() {
		HttpResponse<String> response = get(TestPki.bankOnly, "/v2/card/cards");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("\"rsp_code\":\"40104\"");
	}

	@Test
	void getWhenSuspendedThenForbiddenWith40302() {
		HttpResponse<String> response = get(TestPki.suspended, "/v2/bank/accounts");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("\"rsp_code\":\"40302\"");
	}

	@Test
	void getWhenRefusedThenEchoesTranIdAndShowsNoCertificateText() {
		HttpResponse<String> response = HttpsRequests.get(TestPki.client(TestPki.unregistered), this.port, "/whoami",
				"x-api-tran-id", "1234567890M00000000000001");
		assertThat(response.headers().firstValue("x-api-tran-id")).hasValue("1234567890M00000000000001");
		assertThat(response.body()).doesNotContain("BEGIN").doesNotContain("1234567890").doesNotContain("Exception");
	}

	@Test
	void getWhenTranIdIsNotEchoableThenItIsNotReflected() {
		HttpResponse<String> response = HttpsRequests.get(TestPki.client(TestPki.registered), this.port, "/whoami",
				"x-api-tran-id", "<script>");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("x-api-tran-id")).isEmpty();
	}

	@Test
	void getWhenUnknownPathThenNeedsOperatorAndEchoesTranId() {
		HttpResponse<String> ok = HttpsRequests.get(TestPki.client(TestPki.registered), this.port, "/nowhere",
				"x-api-tran-id", "T1");
		assertThat(ok.statusCode()).isEqualTo(404);
		assertThat(ok.headers().firstValue("x-api-tran-id")).hasValue("T1");
		assertThat(get(TestPki.unregistered, "/nowhere").statusCode()).isEqualTo(401);
	}

	@Test
	void permitAllPathWhenUnregisteredCertificateThenStillRefusedAtAuthentication() {
		// Authentication runs before authorization: a presented but unregistered
		// certificate is refused
		// even on an open path, rather than silently treated as anonymous.
		assertThat(get(TestPki.unregistered, "/public/ping").statusCode()).isEqualTo(401);
		assertThat(get(TestPki.registered, "/public/ping").statusCode()).isEqualTo(200);
	}

	@Test
	void handshakeWhenNoClientCertificateThenRefused() {
		assertThatExceptionOfType(HttpsRequests.HandshakeRefused.class)
			.isThrownBy(() -> HttpsRequests.get(TestPki.clientWithoutCertificate(), this.port, "/public/ping"));
	}

	@Test
	void handshakeWhenCertificateFromAnotherCaThenRefused() {
		assertThatExceptionOfType(HttpsRequests.HandshakeRefused.class)
			.isThrownBy(() -> get(TestPki.fromOtherCa, "/public/ping"));
	}

	private HttpResponse<String> get(io.github.mtls.spring.test.pki.IssuedCertificate certificate, String path) {
		return HttpsRequests.get(TestPki.client(certificate), this.port, path);
	}

}
