package com.example.consumer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.mtls.spring.test.pki.CertificateAuthority;
import io.github.mtls.spring.test.pki.IssuedCertificate;
import io.github.mtls.spring.test.web.OperatorHttpClients;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
// A misspelt key, as a new team writes one: the starter names it at startup.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "mtls.forwarded.trusted-proxie=10.1.2.0/28")
class ConsumerApplicationTests {

	static final CertificateAuthority ca = CertificateAuthority.root("Consumer Test CA");

	static final IssuedCertificate server = ca.leaf("localhost").dnsNames("localhost").serverAuth().issue();

	static final IssuedCertificate operator = ca.leaf("Example Fintech")
		.serialNumber("2208112345")
		.clientAuth()
		.issue();

	static final IssuedCertificate unregistered = ca.leaf("Unregistered")
		.serialNumber("1234567890")
		.clientAuth()
		.issue();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void keyMaterial(DynamicPropertyRegistry registry) {
		registry.add("spring.ssl.bundle.pem.server.keystore.certificate", server::chainPem);
		registry.add("spring.ssl.bundle.pem.server.keystore.private-key", server::privateKeyPem);
		registry.add("spring.ssl.bundle.pem.server.truststore.certificate", () -> ca.issued().certificatePem());
		registry.add("server.ssl.bundle", () -> "server");
	}

	@Test
	void startsWithoutBootsGeneratedPassword(CapturedOutput output) {
		// The capture holds the startup (Boot's line appears while the context starts).
		assertThat(output).contains("Started ConsumerApplicationTests")
			.doesNotContain("Using generated security password");
	}

	@Test
	void namesAMisspeltKeyWithTheNearestValidOne(CapturedOutput output) {
		assertThat(output).contains("mtls.forwarded.trusted-proxie")
			.contains("did you mean mtls.forwarded.trusted-proxies?");
	}

	@Test
	void registeredOperatorIsServedAndAnUnregisteredOneRefusedAsTheReadmeSays() throws Exception {
		HttpResponse<String> ok = get(OperatorHttpClients.client(operator, ca.certificate()), "/v2/bank/accounts");
		assertThat(ok.statusCode()).isEqualTo(200);
		assertThat(ok.body()).contains("\"org_code\":\"A1AAER0000\"");
		HttpResponse<String> refused = get(OperatorHttpClients.client(unregistered, ca.certificate()),
				"/v2/bank/accounts");
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.body()).isEqualTo("{\"rsp_code\":\"40103\",\"rsp_msg\":\"operator is not registered\"}");
	}

	@Test
	void basicAuthenticationIsNotAWayIn() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("https://localhost:" + this.port + "/v2/bank/accounts"))
			.header("Authorization", "Basic dXNlcjpwYXNzd29yZA==")
			.build();
		HttpResponse<String> response = OperatorHttpClients.client(unregistered, ca.certificate())
			.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> get(HttpClient client, String path) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
