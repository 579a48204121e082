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
 * Real HTTPS with multipart requests whose body cannot be parsed: Spring MVC parses a
 * multipart request before it picks a handler, and answered every path, open ones
 * included, with 500 and a logged stack trace.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class MalformedRequestBodyHttpsTests {

	private static final String BODY_40001 = "{\"rsp_code\":\"40001\",\"rsp_msg\":\"request body is malformed\"}";

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		Properties.register(registry, TestPki.serverSsl("client-ca.p12"));
		Properties.register(registry, TestApplication.OPERATORS);
		Properties.register(registry, "mtls.client-auth=need");
	}

	@Test
	void multipartWithoutBoundaryThenBadRequestWith40001() {
		for (String path : new String[] { "/whoami", "/public/ping", "/v2/bank/accounts" }) {
			for (String method : new String[] { "GET", "HEAD" }) {
				HttpResponse<String> response = HttpsRequests.send(TestPki.client(TestPki.registered), method,
						this.port, path, "Content-Type", "multipart/form-data");
				assertThat(response.statusCode()).as(method + " " + path).isEqualTo(400);
				if (method.equals("GET")) {
					assertThat(response.body()).as(path).isEqualTo(BODY_40001);
				}
			}
		}
	}

	@Test
	void multipartFromAnUnregisteredCallerThenStillRefusedAsUnregistered() {
		HttpResponse<String> response = HttpsRequests.send(TestPki.client(TestPki.unregistered), "GET", this.port,
				"/whoami", "Content-Type", "multipart/form-data");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("\"rsp_code\":\"40103\"");
	}

}
