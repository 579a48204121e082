package io.github.mtls.spring.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import io.github.mtls.spring.error.MtlsReason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MtlsErrorWriterTests {

	private static final JsonMapper BOOT_LIKE = JsonMapper.builder()
		.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
		.build();

	@Test
	void writeWhenMyDataFormatThenWritesRspCodeAndMessage() throws Exception {
		MockHttpServletResponse response = write(new MtlsErrorWriter(BOOT_LIKE), MtlsReason.OPERATOR_NOT_REGISTERED);
		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getContentType()).isEqualTo("application/json;charset=UTF-8");
		assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
		assertThat(response.getContentAsString())
			.isEqualTo("{\"rsp_code\":\"40103\",\"rsp_msg\":\"operator is not registered\"}");
	}

	@Test
	void writeWhenReasonOverriddenThenWritesOverride() throws Exception {
		MtlsErrorWriter writer = new MtlsErrorWriter(BOOT_LIKE);
		writer.setErrorCodes(Map.of(MtlsReason.TRAN_ID_INVALID, new MtlsErrorCode(400, "40001", "invalid header")));
		MockHttpServletResponse response = write(writer, MtlsReason.TRAN_ID_INVALID);
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString()).isEqualTo("{\"rsp_code\":\"40001\",\"rsp_msg\":\"invalid header\"}");
		assertThat(write(writer, MtlsReason.SOURCE_IP_NOT_ALLOWED).getContentAsString()).contains("40102");
	}

	@Test
	void writeWhenProblemDetailWithBootsMapperThenRspMembersAreTopLevel() throws Exception {
		MtlsErrorWriter writer = new MtlsErrorWriter(BOOT_LIKE);
		writer.setFormat(MtlsErrorFormat.PROBLEM_DETAIL);
		MockHttpServletResponse response = write(writer, MtlsReason.SOURCE_IP_NOT_ALLOWED);
		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		Map<String, Object> body = read(response);
		assertThat(body).containsEntry("status", 401)
			.containsEntry("title", "Unauthorized")
			.containsEntry("detail", "source IP address not allowed")
			.containsEntry("rsp_code", "40102")
			.containsEntry("rsp_msg", "source IP address not allowed")
			.doesNotContainKey("properties");
	}

	@Test
	void writeWhenProblemDetailWithBareMapperThenMembersAreNestedUnderProperties() throws Exception {
		// Why the writer must be given the context's mapper: without Spring's mix-in
		// Jackson writes ProblemDetail's getProperties() as a nested object.
		MtlsErrorWriter writer = new MtlsErrorWriter(JsonMapper.builder().build());
		writer.setFormat(MtlsErrorFormat.PROBLEM_DETAIL);
		Map<String, Object> body = read(write(writer, MtlsReason.SOURCE_IP_NOT_ALLOWED));
		assertThat(body).doesNotContainKey("rsp_code").containsKey("properties");
	}

	@Test
	void writeWhenOverrideStatusHasNoReasonPhraseThenStillWrites() throws Exception {
		MtlsErrorWriter writer = new MtlsErrorWriter(BOOT_LIKE);
		writer.setFormat(MtlsErrorFormat.PROBLEM_DETAIL);
		writer.setErrorCodes(Map.of(MtlsReason.NO_CERTIFICATE, new MtlsErrorCode(499, "49900", "custom")));
		MockHttpServletResponse response = write(writer, MtlsReason.NO_CERTIFICATE);
		assertThat(response.getStatus()).isEqualTo(499);
		assertThat(response.getContentAsString()).contains("\"rsp_code\":\"49900\"");
	}

	@Test
	void errorCodeWhenStatusIsNotAClientErrorThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new MtlsErrorCode(500, "50000", "x"));
		assertThatIllegalArgumentException().isThrownBy(() -> new MtlsErrorCode(302, "30200", "x"));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> read(MockHttpServletResponse response) {
		return BOOT_LIKE.readValue(response.getContentAsByteArray(), Map.class);
	}

	private static MockHttpServletResponse write(MtlsErrorWriter writer, MtlsReason reason) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		writer.write(new MockHttpServletRequest("GET", "/v2/bank/accounts"), response, reason, null, List.of());
		return response;
	}

}
