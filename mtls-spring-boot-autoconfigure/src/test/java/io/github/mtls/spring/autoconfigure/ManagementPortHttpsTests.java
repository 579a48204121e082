package io.github.mtls.spring.autoconfigure;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Actuator on its own port ({@code management.server.port}, HTTPS like the main port
 * since it inherits {@code server.ssl}): the starter's chain guards it too, and its
 * connector asks for no client certificate, so no operator gets past it; so env stays
 * closed while health answers probes, and the API port serves no Actuator endpoint at
 * all.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ManagementPortHttpsTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		Properties.register(registry, TestPki.serverSsl("client-ca.p12"));
		Properties.register(registry, TestApplication.OPERATORS);
		Properties.register(registry, "mtls.client-auth=want", "management.server.port=0",
				"management.endpoints.web.exposure.include=health,env", "mtls.access-rules[3].path=/actuator/health/**",
				"mtls.access-rules[3].permit-all=true", "mtls.access-rules[4].path=/actuator/health",
				"mtls.access-rules[4].permit-all=true", "mtls.access-rules[5].path=/**",
				"mtls.access-rules[5].permit-all=true");
	}

	@Test
	void getWhenManagementPortThenHealthOpenAndEnvClosed() {
		assertThat(this.managementPort).isNotEqualTo(this.port);
		HttpClient probe = TestPki.clientWithoutCertificate();
		assertThat(HttpsRequests.get(probe, this.managementPort, "/actuator/health").statusCode()).isEqualTo(200);
		HttpResponse<String> anonymous = HttpsRequests.get(probe, this.managementPort, "/actuator/env");
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.body()).contains("\"rsp_code\":\"40101\"").doesNotContain("java.home");
		HttpResponse<String> operator = HttpsRequests.get(TestPki.client(TestPki.registered), this.managementPort,
				"/actuator/env");
		assertThat(operator.statusCode()).isEqualTo(401);
		assertThat(operator.body()).contains("\"rsp_code\":\"40101\"").doesNotContain("java.home");
	}

	@Test
	void getWhenApiPortThenNoActuatorEndpoint() {
		HttpResponse<String> env = HttpsRequests.get(TestPki.client(TestPki.registered), this.port, "/actuator/env");
		assertThat(env.statusCode()).isEqualTo(404);
	}

}
