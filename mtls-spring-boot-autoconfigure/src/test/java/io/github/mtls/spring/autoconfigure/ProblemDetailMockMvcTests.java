package io.github.mtls.spring.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static io.github.mtls.spring.test.web.MtlsRequestPostProcessors.operator;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code mtls.errors.format: problem-detail} with an override, written by the context's
 * Jackson 3 {@code JsonMapper}: {@code rsp_code} and {@code rsp_msg} are top-level
 * members.
 */
@SpringBootTest(classes = TestApplication.class,
		properties = { "mtls.client-auth=none", "mtls.trust-bundle=mydata-ca", "mtls.errors.format=problem-detail",
				"mtls.errors.codes.operator-not-registered.status=403",
				"mtls.errors.codes.operator-not-registered.rsp-code=40301",
				"mtls.errors.codes.operator-not-registered.rsp-msg=unknown operator" })
@AutoConfigureMockMvc
class ProblemDetailMockMvcTests {

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void trust(DynamicPropertyRegistry registry) {
		registry.add("spring.ssl.bundle.pem.mydata-ca.truststore.certificate", () -> TestPki.file("client-ca.pem"));
	}

	@Test
	void getWhenRefusedThenProblemDetailWithTopLevelRspMembers() throws Exception {
		this.mvc.perform(get("/whoami").with(operator(TestPki.unregistered)))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.status").value(403))
			.andExpect(jsonPath("$.title").value("Forbidden"))
			.andExpect(jsonPath("$.detail").value("unknown operator"))
			.andExpect(jsonPath("$.rsp_code").value("40301"))
			.andExpect(jsonPath("$.rsp_msg").value("unknown operator"))
			.andExpect(jsonPath("$.properties").doesNotExist());
	}

	@Test
	void getWhenNoCertificateThenDefaultCodeAsProblemDetail() throws Exception {
		this.mvc.perform(get("/whoami"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.rsp_code").value("40101"));
	}

}
