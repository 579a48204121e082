package io.github.mtls.spring.test.web;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;

import io.github.mtls.spring.test.pki.CertificateAuthority;
import io.github.mtls.spring.test.pki.IssuedCertificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OperatorHttpClientsTests {

	private static final CertificateAuthority ca = CertificateAuthority.root("Root");

	private static final IssuedCertificate operator = ca.leaf("Operator")
		.serialNumber("2208112345")
		.clientAuth()
		.issue();

	@Test
	void clientWhenOperatorAndAnchorThenUsesTlsContext() {
		assertThat(OperatorHttpClients.client(operator, ca.certificate()).sslContext()).isNotNull();
		assertThat(OperatorHttpClients.withoutCertificate(ca.certificate()).sslContext()).isNotNull();
	}

	@Test
	void sslContextWhenOperatorThenPresentsItsCertificate() throws Exception {
		SSLContext context = OperatorHttpClients.sslContext(operator, ca.certificate());
		assertThat(context.getProtocol()).isEqualTo("TLS");
	}

	@Test
	void sslContextWhenNoAnchorsThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> OperatorHttpClients.sslContext(operator));
	}

	@Test
	void proxyWhenIssuedThenCarriesClientAndServerAuthentication() throws Exception {
		IssuedCertificate proxy = ca.leaf("WAF").proxy().issue();
		assertThat(proxy.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2", "1.3.6.1.5.5.7.3.1");
	}

}
