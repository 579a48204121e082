package io.github.mtls.spring.test.web;

import java.security.cert.X509Certificate;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import io.github.mtls.spring.test.pki.CertificateAuthority;
import io.github.mtls.spring.test.pki.IssuedCertificate;

import static org.assertj.core.api.Assertions.assertThat;

class MtlsRequestPostProcessorsTests {

	private static final CertificateAuthority root = CertificateAuthority.root("Root");

	private static final CertificateAuthority intermediate = root.intermediate("Intermediate");

	private static final IssuedCertificate operator = intermediate.leaf("Operator")
		.serialNumber("2208112345")
		.clientAuth()
		.issue();

	@Test
	void operatorWhenAppliedThenSetsPresentedChainWithoutRoot() {
		MockHttpServletRequest request = MtlsRequestPostProcessors.operator(operator)
			.postProcessRequest(new MockHttpServletRequest());
		X509Certificate[] chain = (X509Certificate[]) request
			.getAttribute(MtlsRequestPostProcessors.CERTIFICATE_ATTRIBUTE);
		assertThat(chain).containsExactly(operator.certificate(), intermediate.certificate());
		assertThat(request.isSecure()).isTrue();
		assertThat(request.getScheme()).isEqualTo("https");
		assertThat(request.getRemoteAddr()).isEqualTo("127.0.0.1");
		assertThat(request.getHeader("x-api-tran-id")).isNull();
	}

	@Test
	void operatorWhenRemoteAddressAndTranIdThenSetsThem() {
		MockHttpServletRequest request = MtlsRequestPostProcessors.operator(operator)
			.remoteAddress("203.0.113.7")
			.tranId("A1AAER0000M000000001")
			.postProcessRequest(new MockHttpServletRequest());
		assertThat(request.getRemoteAddr()).isEqualTo("203.0.113.7");
		assertThat(request.getHeader("x-api-tran-id")).isEqualTo("A1AAER0000M000000001");
	}

	@Test
	void chainWhenGivenThenSetsItAsIs() {
		MockHttpServletRequest request = MtlsRequestPostProcessors.chain(operator.certificate())
			.postProcessRequest(new MockHttpServletRequest());
		assertThat((X509Certificate[]) request.getAttribute(MtlsRequestPostProcessors.CERTIFICATE_ATTRIBUTE))
			.containsExactly(operator.certificate());
	}

}
