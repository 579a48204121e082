package io.github.mtls.spring.security;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import io.github.mtls.spring.header.HeaderFormat;
import io.github.mtls.spring.source.ForwardedClientCertificateSource;
import io.github.mtls.spring.source.TrustedProxies;
import io.github.mtls.spring.source.UntrustedHeaderPolicy;

import static org.assertj.core.api.Assertions.assertThat;

class MtlsAuthenticationFilterTests {

	@Test
	void doFilterWhenSourceConsumedHeadersButFoundNoCertificateThenHeadersStillHidden() throws Exception {
		// Forwarded-only, an untrusted peer's header ignored: no certificate, so no token
		// names the header, yet the application must not see it either.
		ForwardedClientCertificateSource source = new ForwardedClientCertificateSource(
				new TrustedProxies(List.of("10.0.0.5"), Set.of()), "X-Cert", null, HeaderFormat.DER_BASE64.decoder());
		source.setUntrustedHeaderPolicy(UntrustedHeaderPolicy.IGNORE);
		source.setForwardedOnly(true);
		MtlsAuthenticationFilter filter = new MtlsAuthenticationFilter((authentication) -> {
			throw new AssertionError("nothing to authenticate");
		}, new MtlsAuthenticationConverter(source));
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/public/ping");
		request.setRemoteAddr("192.0.2.1");
		request.addHeader("X-Cert", "forged");
		MockFilterChain chain = new MockFilterChain();
		filter.doFilter(request, new MockHttpServletResponse(), chain);
		HttpServletRequest next = (HttpServletRequest) chain.getRequest();
		assertThat(next).isNotNull();
		assertThat(next.getHeader("X-Cert")).isNull();
		// Passed as a value, not left behind as a request attribute.
		assertThat(request.getAttributeNames().hasMoreElements()).isFalse();
	}

	@Test
	void doFilterWhenNoForwardedHeaderThenRequestPassesUnwrapped() throws Exception {
		ForwardedClientCertificateSource source = new ForwardedClientCertificateSource(TrustedProxies.none(), "X-Cert",
				null, HeaderFormat.DER_BASE64.decoder());
		MtlsAuthenticationFilter filter = new MtlsAuthenticationFilter((authentication) -> {
			throw new AssertionError("nothing to authenticate");
		}, new MtlsAuthenticationConverter(source));
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/public/ping");
		MockFilterChain chain = new MockFilterChain();
		filter.doFilter(request, new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).isSameAs(request);
	}

}
