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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real HTTPS with the starter's default chain and a {@code JwtDecoder} bean, no chain of
 * the application's own: the starter's chain checks the token too, rather than ignore it.
 */
@SpringBootTest(classes = { TestApplication.class, DefaultChainResourceServerHttpsTests.Decoder.class,
		ResourceServerHttpsTests.CallController.class }, webEnvironment = WebEnvironment.RANDOM_PORT)
class DefaultChainResourceServerHttpsTests {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		Properties.register(registry, TestPki.serverSsl("client-ca.p12"));
		Properties.register(registry, TestApplication.OPERATORS);
		Properties.register(registry, "mtls.client-auth=want", "mtls.access-rules[3].path=/v2/consent/**",
				"mtls.access-rules[3].token-scopes=bank.list");
	}

	@Test
	void getWhenCertificateAndValidTokenThenBothReachTheRules() {
		String token = TestTokens.token(Map.of("scope", "bank.list"));
		assertThat(send("/v2/consent/accounts", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
	}

	@Test
	void getWhenCertificateOnlyOnATokenRuleThenTokenRequired() {
		HttpResponse<String> response = send("/v2/consent/accounts");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo("{\"rsp_code\":\"40101\",\"rsp_msg\":\"access token required\"}");
	}

	@Test
	void getWhenCertificateAndMalformedTokenThenRefusedNotIgnored() {
		HttpResponse<String> response = send("/whoami", "Authorization", "Bearer not.a.jwt");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo("{\"rsp_code\":\"40101\",\"rsp_msg\":\"invalid access token\"}");
	}

	@Test
	void getWhenCertificateOnlyThenOperatorAsBefore() {
		assertThat(send("/whoami").statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> send(String path, String... headers) {
		return HttpsRequests.get(TestPki.client(TestPki.registered), this.port, path, headers);
	}

	@Configuration(proxyBeanMethods = false)
	static class Decoder {

		@Bean
		JwtDecoder jwtDecoder() {
			return TestTokens.decoder();
		}

	}

}
