package io.github.mtls.spring.source;

import java.util.Collections;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderHidingRequestWrapperTests {

	@Test
	void getHeaderWhenHiddenInAnyCaseThenAbsent() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("X-SSL-Client-Cert", "value");
		request.addHeader("Accept", "application/json");
		HeaderHidingRequestWrapper wrapper = new HeaderHidingRequestWrapper(request, Set.of("x-ssl-client-cert"));
		assertThat(wrapper.getHeader("X-SSL-CLIENT-CERT")).isNull();
		assertThat(wrapper.getHeaders("X-SSL-Client-Cert").hasMoreElements()).isFalse();
		assertThat(Collections.list(wrapper.getHeaderNames())).containsExactly("Accept");
		assertThat(wrapper.getHeader("Accept")).isEqualTo("application/json");
	}

	@Test
	void setAttributeWhenWrappedThenVisibleOnRequest() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		new HeaderHidingRequestWrapper(request, Set.of("a")).setAttribute("x", "y");
		assertThat(request.getAttribute("x")).isEqualTo("y");
	}

}
