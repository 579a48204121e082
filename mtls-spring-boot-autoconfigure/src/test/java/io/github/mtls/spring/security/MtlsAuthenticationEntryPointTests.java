package io.github.mtls.spring.security;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;

import io.github.mtls.spring.error.MtlsAuthenticationException;
import io.github.mtls.spring.error.MtlsReason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MtlsAuthenticationEntryPointTests {

	private final MtlsAuthenticationEntryPoint entryPoint = new MtlsAuthenticationEntryPoint(
			new MtlsErrorWriter(JsonMapper.builder().build()));

	@Test
	void commenceWhenMtlsExceptionThenWritesItsReason() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.entryPoint.commence(new MockHttpServletRequest("GET", "/v2/bank/accounts"), response,
				new MtlsAuthenticationException(MtlsReason.MALFORMED_HEADER, "ab", List.of("A1AAER0000")));
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
		assertThat(response.getContentAsString())
			.isEqualTo("{\"rsp_code\":\"40002\",\"rsp_msg\":\"client certificate header is malformed\"}");
	}

	@Test
	void commenceWhenOtherAuthenticationExceptionThenNoCertificateWithoutItsMessage() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.entryPoint.commence(new MockHttpServletRequest("GET", "/v2/bank/accounts"), response,
				new BadCredentialsException("secret detail"));
		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getContentAsString())
			.isEqualTo("{\"rsp_code\":\"40101\",\"rsp_msg\":\"client certificate required\"}")
			.doesNotContain("secret detail");
	}

	@Test
	void constructorWhenNoWriterThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new MtlsAuthenticationEntryPoint(null));
	}

}
