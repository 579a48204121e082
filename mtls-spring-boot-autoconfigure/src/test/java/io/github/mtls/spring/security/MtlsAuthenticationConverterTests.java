package io.github.mtls.spring.security;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.Authentication;

import io.github.mtls.spring.source.DirectClientCertificateSource;
import io.github.mtls.spring.source.TrustedProxies;
import io.github.mtls.spring.source.TrustedProxyClientAddressResolver;
import io.github.mtls.spring.test.pki.CertificateAuthority;
import io.github.mtls.spring.test.pki.IssuedCertificate;

import static org.assertj.core.api.Assertions.assertThat;

class MtlsAuthenticationConverterTests {

	private static final IssuedCertificate operator = CertificateAuthority.root("Converter Test CA")
		.leaf("op")
		.clientAuth()
		.issue();

	private final MtlsAuthenticationConverter converter = new MtlsAuthenticationConverter(
			new DirectClientCertificateSource());

	@Test
	void convertWhenCertificateThenDetailsAndRequestAttributeCarryTheResolvedAddressNotTheRawHeader() {
		this.converter.setClientAddressResolver(new TrustedProxyClientAddressResolver(
				new TrustedProxies(List.of("10.0.0.5"), Set.of()), "X-Forwarded-For"));
		MockHttpServletRequest request = request("10.0.0.5");
		// The caller wrote the first entry itself; the trusted proxy appended the second.
		request.addHeader("X-Forwarded-For", "198.51.100.99, 203.0.113.7");
		Authentication token = this.converter.convert(request);
		assertThat(token).isNotNull();
		assertThat(token.getDetails()).isInstanceOfSatisfying(MtlsRequestDetails.class,
				(details) -> assertThat(details.clientAddress()).isEqualTo("203.0.113.7"));
		assertThat(request.getAttribute(MtlsRequestDetails.CLIENT_ADDRESS_ATTRIBUTE)).isEqualTo("203.0.113.7");
	}

	@Test
	void convertWhenNoCertificateThenNothingAndNoAttribute() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x");
		assertThat(this.converter.convert(request)).isNull();
		assertThat(request.getAttribute(MtlsRequestDetails.CLIENT_ADDRESS_ATTRIBUTE)).isNull();
	}

	private static MockHttpServletRequest request(String peer) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x");
		request.setRemoteAddr(peer);
		request.setAttribute(DirectClientCertificateSource.CERTIFICATE_ATTRIBUTE,
				new X509Certificate[] { operator.certificate() });
		return request;
	}

}
