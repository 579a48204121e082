package io.github.mtls.spring.security;

import java.security.cert.X509Certificate;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;

import io.github.mtls.spring.certificate.CertificateOrigin;
import io.github.mtls.spring.source.DirectClientCertificateSource;
import io.github.mtls.spring.test.pki.CertificateAuthority;
import io.github.mtls.spring.test.pki.IssuedCertificate;

import static org.assertj.core.api.Assertions.assertThat;

class ForwardedCertificateExposureTests {

	private static final CertificateAuthority ca = CertificateAuthority.root("Exposure Test CA");

	private static final IssuedCertificate caller = ca.leaf("caller").clientAuth().issue();

	private static final IssuedCertificate proxy = ca.leaf("proxy").clientAuth().issue();

	@Test
	void exposeWhenForwardedChainThenReplacesProxyChain() {
		MockHttpServletRequest request = requestFromProxy();
		ForwardedCertificateExposure.expose(request,
				MtlsAuthenticationToken.unauthenticated(caller.chain(), CertificateOrigin.FORWARDED));
		assertThat((X509Certificate[]) request.getAttribute(DirectClientCertificateSource.CERTIFICATE_ATTRIBUTE))
			.containsExactlyElementsOf(caller.chain());
	}

	@Test
	void exposeWhenDirectChainThenAttributeUntouched() {
		MockHttpServletRequest request = requestFromProxy();
		ForwardedCertificateExposure.expose(request,
				MtlsAuthenticationToken.unauthenticated(caller.chain(), CertificateOrigin.DIRECT));
		assertThat((X509Certificate[]) request.getAttribute(DirectClientCertificateSource.CERTIFICATE_ATTRIBUTE))
			.containsExactly(proxy.certificate());
	}

	@Test
	void exposeWhenNotAnMtlsTokenThenAttributeUntouched() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		ForwardedCertificateExposure.expose(request, new TestingAuthenticationToken("user", null));
		assertThat(request.getAttribute(DirectClientCertificateSource.CERTIFICATE_ATTRIBUTE)).isNull();
	}

	private static MockHttpServletRequest requestFromProxy() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setAttribute(DirectClientCertificateSource.CERTIFICATE_ATTRIBUTE,
				new X509Certificate[] { proxy.certificate() });
		return request;
	}

}
