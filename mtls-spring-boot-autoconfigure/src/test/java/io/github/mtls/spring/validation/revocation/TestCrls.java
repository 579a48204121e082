package io.github.mtls.spring.validation.revocation;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import io.github.mtls.spring.test.pki.IssuedCertificate;

/**
 * Builds CRLs with BouncyCastle for the tests.
 */
final class TestCrls {

	private TestCrls() {
	}

	/**
	 * Build a CRL.
	 * @param issuer whose name the CRL carries
	 * @param signer whose key signs it (the issuer, or another for a forged CRL)
	 * @param thisUpdate this update
	 * @param nextUpdate next update
	 * @param revoked revoked serials and their reason codes
	 * @return the DER encoding
	 */
	static byte[] crl(IssuedCertificate issuer, IssuedCertificate signer, Instant thisUpdate, Instant nextUpdate,
			Map<BigInteger, Integer> revoked) {
		try {
			X509Certificate issuerCertificate = issuer.certificate();
			X509v2CRLBuilder builder = new X509v2CRLBuilder(
					X500Name.getInstance(issuerCertificate.getSubjectX500Principal().getEncoded()),
					Date.from(thisUpdate));
			builder.setNextUpdate(Date.from(nextUpdate));
			revoked.forEach((serial, reason) -> builder.addCRLEntry(serial, Date.from(thisUpdate), reason));
			return builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.privateKey()))
				.getEncoded();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
