package io.github.mtls.spring.autoconfigure;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.mtls.spring.test.pki.IssuedCertificate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real HTTPS against the default {@code unmatched-requests: authenticated}, with Actuator
 * exposing {@code env}, {@code beans} and {@code metrics}: HEAD on a GET-only rule needs
 * the rule's scopes, and an operator's certificate reaches no Actuator endpoint but
 * health, even through a catch-all rule.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class AccessRulesHttpsTests {

	private static final String MYDATA_40301 = "{\"rsp_code\":\"40301\",\"rsp_msg\":\"올바르지 않은 API 호출\"}";

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		Properties.register(registry, TestPki.serverSsl("client-ca.p12"));
		Properties.register(registry, TestApplication.OPERATORS);
		Properties.register(registry, "mtls.client-auth=want", "mtls.access-rules[1].methods=GET",
				"mtls.access-rules[3].path=/actuator/health/**", "mtls.access-rules[3].permit-all=true",
				"mtls.access-rules[4].path=/actuator/health", "mtls.access-rules[4].permit-all=true",
				"mtls.access-rules[5].path=/**", "mtls.access-rules[5].scopes=bank.list",
				"management.endpoints.web.exposure.include=health,env,beans,metrics");
	}

	@Test
	void headWhenRuleNamesGetAndScopeMissingThenRefusedWith40104() {
		assertThat(send(TestPki.bankOnly, "GET", "/v2/card/cards").statusCode()).isEqualTo(401);
		HttpResponse<String> head = send(TestPki.bankOnly, "HEAD", "/v2/card/cards");
		assertThat(head.statusCode()).isEqualTo(401);
		assertThat(head.body()).isEmpty();
		assertThat(send(TestPki.registered, "HEAD", "/v2/card/cards").statusCode()).isEqualTo(200);
	}

	@Test
	void getWhenOperatorAsksForActuatorEndpointThenForbiddenWith40301() {
		for (String path : new String[] { "/actuator/env", "/actuator/env/java.home", "/actuator/beans",
				"/actuator/metrics", "/actuator/metrics/jvm.memory.used", "/actuator" }) {
			HttpResponse<String> response = send(TestPki.registered, "GET", path);
			assertThat(response.statusCode()).as(path).isEqualTo(403);
			assertThat(response.body()).as(path).isEqualTo(MYDATA_40301);
			assertThat(send(TestPki.registered, "HEAD", path).statusCode()).as(path).isEqualTo(403);
		}
	}

	@Test
	void requestWhenOperatorCallsTheErrorPageDirectlyThenForbiddenNotAServerError() {
		// Under unmatched-requests: authenticated, /error was "any operator", and Boot's
		// error controller called without an error answers 500.
		for (String method : new String[] { "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE" }) {
			HttpResponse<String> response = send(TestPki.registered, method, "/error");
			assertThat(response.statusCode()).as(method).isEqualTo(403);
			if (!"HEAD".equals(method)) {
				assertThat(response.body()).as(method).isEqualTo(MYDATA_40301);
			}
		}
	}

	@Test
	void getWhenActuatorEndpointWithoutCertificateThenRefused() {
		HttpResponse<String> response = HttpsRequests.get(TestPki.clientWithoutCertificate(), this.port,
				"/actuator/env");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("\"rsp_code\":\"40101\"");
	}

	@Test
	void getWhenHealthThenRulesDecide() {
		HttpResponse<String> health = HttpsRequests.get(TestPki.clientWithoutCertificate(), this.port,
				"/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(send(TestPki.registered, "GET", "/actuator/health").statusCode()).isEqualTo(200);
	}

	@Test
	void getWhenCatchAllRuleMatchesOtherPathsThenItStillApplies() {
		assertThat(send(TestPki.registered, "GET", "/whoami").statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> send(IssuedCertificate certificate, String method, String path) {
		return HttpsRequests.send(TestPki.client(certificate), method, this.port, path);
	}

}
