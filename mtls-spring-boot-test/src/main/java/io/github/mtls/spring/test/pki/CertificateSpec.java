package io.github.mtls.spring.test.pki;

import java.time.Instant;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.jspecify.annotations.Nullable;

/**
 * What goes into one certificate.
 *
 * @param subject the subject name
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param authority whether the certificate is a CA
 * @param pathLength basic constraints path length of a CA, or {@code null}
 * @param keyUsage key usage bits, or {@code null} for no key usage extension
 * @param extendedKeyUsages extended key usages, or {@code null} for no extension
 * @param dnsNames DNS subject alternative names
 * @param ipAddresses IP subject alternative names
 * @param policies certificate policy OIDs
 * @param crlDistributionPoint CRL distribution point URL, or {@code null}
 * @param ocspResponder OCSP responder URL for the AIA extension, or {@code null}
 * @param rawExtensions extensions added as given, after the others (for malformed
 * encodings)
 * @author mtls-spring-boot
 */
record CertificateSpec(X500Name subject, Instant notBefore, Instant notAfter, boolean authority,
		@Nullable Integer pathLength, @Nullable Integer keyUsage, @Nullable List<KeyPurposeId> extendedKeyUsages,
		List<String> dnsNames, List<String> ipAddresses, List<String> policies, @Nullable String crlDistributionPoint,
		@Nullable String ocspResponder, List<Extension> rawExtensions) {

	static CertificateSpec authority(X500Name subject, Instant notBefore, Instant notAfter,
			@Nullable Integer pathLength) {
		return new CertificateSpec(subject, notBefore, notAfter, true, pathLength,
				KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature, null, List.of(), List.of(),
				List.of(), null, null, List.of());
	}

}
