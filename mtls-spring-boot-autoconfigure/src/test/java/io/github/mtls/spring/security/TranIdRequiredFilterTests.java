package io.github.mtls.spring.security;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEvent;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import io.github.mtls.spring.error.MtlsReason;

import static org.assertj.core.api.Assertions.assertThat;

class TranIdRequiredFilterTests {

	@Test
	void doFilterWhenStandardTranIdThenContinues() throws Exception {
		assertThat(filter("A1AAER0000M000000001").getStatus()).isEqualTo(200);
		assertThat(filter("1").getStatus()).isEqualTo(200);
		assertThat(filter("A".repeat(25)).getStatus()).isEqualTo(200);
	}

	@Test
	void doFilterWhenTranIdMissingOrMalformedThenRefusedWith40002() throws Exception {
		for (String tranId : new String[] { null, "", "a1aaer0000m000000001", "A".repeat(26), "A1AAER-0000",
				"550e8400-e29b-41d4-a716-446655440000", "A1 B" }) {
			MockHttpServletResponse response = filter(tranId);
			assertThat(response.getStatus()).as(String.valueOf(tranId)).isEqualTo(400);
			assertThat(response.getContentAsString()).contains("\"rsp_code\":\"40002\"");
		}
	}

	@Test
	void doFilterWhenTranIdRepeatedThenRefused() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v2/bank/accounts");
		request.addHeader("x-api-tran-id", "A1");
		request.addHeader("x-api-tran-id", "A2");
		MockHttpServletResponse response = new MockHttpServletResponse();
		new TranIdRequiredFilter(new MtlsErrorWriter(JsonMapper.shared())).doFilter(request, response,
				new MockFilterChain());
		assertThat(response.getStatus()).isEqualTo(400);
	}

	@Test
	void doFilterWhenRefusedThenPublishesRejection() throws Exception {
		List<ApplicationEvent> events = new java.util.ArrayList<>();
		MtlsErrorWriter writer = new MtlsErrorWriter(JsonMapper.shared());
		writer.setEventPublisher((event) -> events.add((ApplicationEvent) event));
		new TranIdRequiredFilter(writer).doFilter(new MockHttpServletRequest("GET", "/"), new MockHttpServletResponse(),
				new MockFilterChain());
		assertThat(events).singleElement()
			.satisfies((event) -> assertThat(((MtlsRejectionEvent) event).getReason())
				.isEqualTo(MtlsReason.TRAN_ID_INVALID));
	}

	private static MockHttpServletResponse filter(String tranId) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v2/bank/accounts");
		if (tranId != null) {
			request.addHeader("x-api-tran-id", tranId);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		new TranIdRequiredFilter(new MtlsErrorWriter(JsonMapper.shared())).doFilter(request, response,
				new MockFilterChain());
		return response;
	}

}
