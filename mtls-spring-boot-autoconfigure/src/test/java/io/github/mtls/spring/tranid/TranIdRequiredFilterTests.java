package io.github.mtls.spring.tranid;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class TranIdRequiredFilterTests {

	private final List<String> refused = new ArrayList<>();

	private final TranIdRequiredFilter filter = new TranIdRequiredFilter((request, response) -> {
		this.refused.add(request.getRequestURI());
		response.setStatus(400);
	});

	@Test
	void doFilterWhenStandardTranIdThenContinues() throws Exception {
		for (String tranId : new String[] { "A1AAER0000M000000001", "1", "A".repeat(25) }) {
			MockFilterChain chain = new MockFilterChain();
			this.filter.doFilter(request(tranId), new MockHttpServletResponse(), chain);
			assertThat(chain.getRequest()).as(tranId).isNotNull();
		}
		assertThat(this.refused).isEmpty();
	}

	@Test
	void doFilterWhenTranIdMissingOrMalformedThenRefusedAndTheChainStops() throws Exception {
		String[] tranIds = { null, "", "a1aaer0000m000000001", "A".repeat(26), "A1AAER-0000",
				"550e8400-e29b-41d4-a716-446655440000", "A1 B" };
		for (String tranId : tranIds) {
			MockFilterChain chain = new MockFilterChain();
			MockHttpServletResponse response = new MockHttpServletResponse();
			this.filter.doFilter(request(tranId), response, chain);
			assertThat(chain.getRequest()).as(String.valueOf(tranId)).isNull();
			assertThat(response.getStatus()).isEqualTo(400);
		}
		assertThat(this.refused).hasSize(tranIds.length);
	}

	@Test
	void doFilterWhenTranIdRepeatedThenRefused() throws Exception {
		MockHttpServletRequest request = request("A1");
		request.addHeader(TranId.HEADER, "A2");
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request, new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).isNull();
		assertThat(this.refused).containsExactly("/v2/bank/accounts");
	}

	private static MockHttpServletRequest request(@Nullable String tranId) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v2/bank/accounts");
		if (tranId != null) {
			request.addHeader(TranId.HEADER, tranId);
		}
		return request;
	}

}
