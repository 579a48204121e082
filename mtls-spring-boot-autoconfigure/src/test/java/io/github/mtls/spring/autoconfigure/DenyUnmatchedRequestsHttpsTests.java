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
 * Real HTTPS with {@code mtls.unmatched-requests: deny}: only what a rule names is
 * reachable, whatever the method. (TRACE never reaches the application: Tomcat answers it
 * with 405, and Spring Security's firewall refuses non-standard methods with 400.)
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class DenyUnmatchedRequestsHttpsTests {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		Properties.register(registry, TestPki.serverSsl("client-ca.p12"));
		Properties.register(registry, TestApplication.OPERATORS);
		Properties.register(registry, "mtls.client-auth=need", "mtls.unmatched-requests=deny",
				"mtls.access-rules[1].methods=GET", "mtls.access-rules[3].path=/whoami",
				"mtls.access-rules[3].methods=GET");
	}

	@Test
	void requestWhenNoRuleMatchesThenForbiddenWith40301() {
		for (String method : new String[] { "POST", "PUT", "PATCH", "DELETE", "OPTIONS" }) {
			for (String path : new String[] { "/v2/bank/accounts", "/v2/card/cards", "/whoami" }) {
				HttpResponse<String> response = send(method, path);
				assertThat(response.statusCode()).as(method + " " + path).isEqualTo(403);
				assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
				assertThat(response.body()).as(method + " " + path)
					.isEqualTo("{\"rsp_code\":\"40301\",\"rsp_msg\":\"올바르지 않은 API 호출\"}");
			}
		}
		assertThat(send("GET", "/nowhere").statusCode()).isEqualTo(403);
	}

	@Test
	void requestWhenMethodIsNotStandardThenFirewallRefusesWith400() {
		// Spring Security's firewall refuses other methods before any rule is consulted.
		for (String method : new String[] { "get", "PROPFIND", "FOO" }) {
			assertThat(send(method, "/v2/bank/accounts").statusCode()).as(method).isEqualTo(400);
		}
	}

	@Test
	void requestWhenRuleMatchesThenRuleDecides() {
		assertThat(send("GET", "/v2/bank/accounts").statusCode()).isEqualTo(200);
		assertThat(send("HEAD", "/v2/card/cards").statusCode()).isEqualTo(200);
		assertThat(send("GET", "/whoami").statusCode()).isEqualTo(200);
		assertThat(send("GET", "/public/ping").statusCode()).isEqualTo(200);
		assertThat(
				HttpsRequests.send(TestPki.client(TestPki.bankOnly), "HEAD", this.port, "/v2/card/cards").statusCode())
			.isEqualTo(401);
	}

	private HttpResponse<String> send(String method, String path) {
		return HttpsRequests.send(TestPki.client(TestPki.registered), method, this.port, path);
	}

}
