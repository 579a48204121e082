package io.github.mtls.spring.validation.revocation;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.github.mtls.spring.test.pki.CertificateAuthority;
import io.github.mtls.spring.test.pki.IssuedCertificate;

import static org.assertj.core.api.Assertions.assertThat;

class OcspThenCrlRevocationCheckerTests {

	private static final CertificateAuthority ca = CertificateAuthority.root("MyData Test CA");

	private static final IssuedCertificate leaf = ca.leaf("op").clientAuth().issue();

	private final AtomicInteger crlCalls = new AtomicInteger();

	private final RevocationChecker crl = (certificate, issuer) -> {
		this.crlCalls.incrementAndGet();
		return RevocationStatus.good(null);
	};

	@Test
	void checkWhenOcspUnknownThenCrlDecides() {
		RevocationStatus status = new OcspThenCrlRevocationChecker(
				(certificate, issuer) -> RevocationStatus.unknown("OCSP responder unreachable or answered garbage"),
				this.crl)
			.check(leaf.certificate(), ca.certificate());
		assertThat(status.state()).isEqualTo(RevocationStatus.State.GOOD);
		assertThat(this.crlCalls).hasValue(1);
	}

	@Test
	void checkWhenOcspRevokedThenRevokedWithoutCrl() {
		RevocationStatus status = new OcspThenCrlRevocationChecker(
				(certificate, issuer) -> RevocationStatus.revoked("keyCompromise"), this.crl)
			.check(leaf.certificate(), ca.certificate());
		assertThat(status.state()).isEqualTo(RevocationStatus.State.REVOKED);
		assertThat(this.crlCalls).hasValue(0);
	}

}
