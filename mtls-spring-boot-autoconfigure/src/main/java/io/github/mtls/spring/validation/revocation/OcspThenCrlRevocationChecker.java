package io.github.mtls.spring.validation.revocation;

import java.security.cert.X509Certificate;

import org.springframework.util.Assert;

/**
 * Asks OCSP first; when OCSP cannot tell, the CRL decides.
 *
 * @author mtls-spring-boot
 */
public final class OcspThenCrlRevocationChecker implements RevocationChecker, AutoCloseable {

	private final RevocationChecker ocsp;

	private final RevocationChecker crl;

	/**
	 * Create a checker.
	 * @param ocsp the OCSP checker
	 * @param crl the CRL checker
	 */
	public OcspThenCrlRevocationChecker(RevocationChecker ocsp, RevocationChecker crl) {
		Assert.notNull(ocsp, "ocsp cannot be null");
		Assert.notNull(crl, "crl cannot be null");
		this.ocsp = ocsp;
		this.crl = crl;
	}

	@Override
	public RevocationStatus check(X509Certificate certificate, X509Certificate issuer) {
		RevocationStatus status = this.ocsp.check(certificate, issuer);
		return (status.state() != RevocationStatus.State.UNKNOWN) ? status : this.crl.check(certificate, issuer);
	}

	@Override
	public void close() throws Exception {
		if (this.crl instanceof AutoCloseable closeable) {
			closeable.close();
		}
	}

}
