package io.github.mtls.spring.validation;

import java.io.IOException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.jspecify.annotations.Nullable;

import io.github.mtls.spring.error.MtlsReason;

/**
 * Decides whether a validated leaf may authenticate a TLS client: an end-entity
 * certificate whose key usage, when present, permits {@code digitalSignature} and whose
 * extended key usage carries every required purpose.
 * <p>
 * The key usage extension is read strictly (one DER {@code BIT STRING}, nothing after
 * it): the JDK treats a non-critical extension it cannot parse as absent, which would
 * turn a {@code keyEncipherment}-only certificate with a trailing byte into one without
 * any restriction.
 *
 * @author mtls-spring-boot
 */
final class LeafUsage {

	private LeafUsage() {
	}

	/**
	 * Check the leaf's basic constraints, key usage and extended key usage.
	 * @param leaf the leaf certificate
	 * @param requiredExtendedKeyUsages OIDs the leaf must all carry; empty admits a leaf
	 * without the extension
	 * @return the refusal, or {@code null} when the leaf may authenticate a client
	 */
	static @Nullable MtlsReason check(X509Certificate leaf, List<String> requiredExtendedKeyUsages) {
		if (leaf.getBasicConstraints() != -1) {
			return MtlsReason.CERTIFICATE_IS_AUTHORITY;
		}
		if (!permitsDigitalSignature(leaf)) {
			return MtlsReason.KEY_USAGE_NOT_PERMITTED;
		}
		if (requiredExtendedKeyUsages.isEmpty()) {
			return null;
		}
		try {
			List<String> extendedKeyUsage = leaf.getExtendedKeyUsage();
			// anyExtendedKeyUsage does not stand in for a required purpose.
			if (extendedKeyUsage == null || !new HashSet<>(extendedKeyUsage).containsAll(requiredExtendedKeyUsages)) {
				return MtlsReason.EXTENDED_KEY_USAGE_MISSING;
			}
			return null;
		}
		catch (CertificateParsingException ex) {
			return MtlsReason.CERTIFICATE_UNREADABLE;
		}
	}

	private static boolean permitsDigitalSignature(X509Certificate leaf) {
		byte[] extension = leaf.getExtensionValue(Extension.keyUsage.getId());
		if (extension == null) {
			return true;
		}
		try {
			byte[] value = ASN1OctetString.getInstance(extension).getOctets();
			ASN1Primitive usage = ASN1Primitive.fromByteArray(value);
			if (usage == null || !Arrays.equals(usage.getEncoded(ASN1Encoding.DER), value)) {
				return false;
			}
			return KeyUsage.getInstance(usage).hasUsages(KeyUsage.digitalSignature);
		}
		catch (IOException | RuntimeException ex) {
			// BouncyCastle reports bad encodings as IOException, IllegalArgumentException
			// or ASN1ParsingException (an IllegalStateException).
			return false;
		}
	}

}
