package io.github.mtls.spring.security;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.ServletRequestPathUtils;

import io.github.mtls.spring.source.ServerConnector;

import static org.assertj.core.api.Assertions.assertThat;

class PartnerPortPathsFilterTests {

	private final AtomicInteger handled = new AtomicInteger();

	private final FilterChain chain = (request, response) -> this.handled.incrementAndGet();

	@Test
	void doFilterWhenMainConnectorAndConfinedPathThen40401AndNothingRuns() throws Exception {
		MockHttpServletResponse response = filter(PathPatternRequestMatcher.withDefaults().matcher("/v2/**"),
				new MockHttpServletRequest("GET", "/v2/bank/accounts"));
		assertThat(response.getStatus()).isEqualTo(404);
		assertThat(response.getContentAsString()).contains("\"rsp_code\":\"40401\"");
		assertThat(this.handled).hasValue(0);
	}

	@Test
	void doFilterWhenPathCannotBePlacedThenRefusedOnTheMainConnectorNotAServerError() throws Exception {
		// spring.mvc.servlet.path=/api and "/api;/v2/...": Spring cannot split the path
		// and throws IllegalArgumentException from the matcher.
		RequestMatcher unplaceable = (request) -> {
			ServletRequestPathUtils.parseAndCache(request);
			return false;
		};
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api;/v2/bank/accounts");
		request.setServletPath("/api");
		request.setContextPath(";");
		MockHttpServletResponse response = filter(unplaceable, request);
		assertThat(response.getStatus()).isEqualTo(404);
		assertThat(response.getContentAsString()).contains("\"rsp_code\":\"40401\"");
		assertThat(this.handled).hasValue(0);
	}

	@Test
	void doFilterWhenPartnerConnectorThenPassesThrough() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v2/bank/accounts");
		request.setAttribute(ServerConnector.ATTRIBUTE, ServerConnector.PARTNER);
		filter(PathPatternRequestMatcher.withDefaults().matcher("/v2/**"), request);
		assertThat(this.handled).hasValue(1);
	}

	private MockHttpServletResponse filter(RequestMatcher path, MockHttpServletRequest request) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		new PartnerPortPathsFilter(List.of(path), new MtlsErrorWriter(JsonMapper.builder().build())).doFilter(request,
				response, this.chain);
		return response;
	}

}
