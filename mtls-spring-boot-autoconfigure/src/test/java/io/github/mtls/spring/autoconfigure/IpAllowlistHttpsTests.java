package io.github.mtls.spring.autoconfigure;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.mtls.spring.test.web.OperatorHttpClients;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IP allowlists over real HTTPS: the TCP peer (127.0.0.1 here) is what counts, never an
 * {@code X-Forwarded-For} the client wrote, even with Tomcat's {@code RemoteIpValve}
 * ({@code server.forward-headers-strategy=native}) rewriting {@code getRemoteAddr()}.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "server.forward-headers-strategy=native")
class IpAllowlistHttpsTests {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		Properties.register(registry, TestPki.serverSsl("client-ca.p12"));
		Properties.register(registry, "mtls.client-auth=need", "mtls.mydata.operators[0].org-code=A1AAER0000",
				"mtls.mydata.operators[0].business-number=2208112345",
				"mtls.mydata.operators[0].ip-allowlist=127.0.0.0/8,::1", "mtls.mydata.operators[1].org-code=C1CCBK0000",
				"mtls.mydata.operators[1].business-number=4208167890",
				"mtls.mydata.operators[1].ip-allowlist=203.0.113.7");
	}

	@Test
	void getWhenPeerAddressAllowlistedThenOk() {
		assertThat(get(TestPki.registered).statusCode()).isEqualTo(200);
	}

	@Test
	void getWhenPeerAddressNotAllowlistedThenRefusedWith40102EvenWithForwardedFor() {
		HttpResponse<String> response = get(TestPki.bankOnly, "X-Forwarded-For", "203.0.113.7");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo("{\"rsp_code\":\"40102\",\"rsp_msg\":\"source IP address not allowed\"}");
	}

	private HttpResponse<String> get(io.github.mtls.spring.test.pki.IssuedCertificate operator, String... headers) {
		return HttpsRequests.get(OperatorHttpClients.client(operator, TestPki.serverCa.certificate()), this.port,
				"/whoami", headers);
	}

}
