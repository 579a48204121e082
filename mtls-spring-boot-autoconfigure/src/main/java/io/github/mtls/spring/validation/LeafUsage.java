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
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.jspecify.annotations.Nullable;

import io.github.mtls.spring.error.MtlsReason;

/**
 * Decides whether a validated leaf may authenticate a TLS client: an end-entity
 * certificate whose key usage, when present, permits {@code digitalSignature} and whose
 * extended key usage carries every required purpose.
 * <p>
 * The key usage and basic constraints extensions are read strictly (one DER value,
 * nothing after it): the JDK treats a non-critical extension it cannot parse as absent,
 * which would turn a {@code keyEncipherment}-only certificate with a trailing byte into
 * one without any restriction, and a CA certificate into an end entity's. A basic
 * constraints extension that does not parse is refused as a CA's.
 *
 * @author mtls-spring-boot
 */
final class LeafUsage {

	private LeafUsage() {
	}

	/**
	 * Check the leaf's basic constraints, key usage and extended key usage.
	 * @param leaf the leaf certificate
	 * @param requiredExtendedKeyUsages the OIDs the leaf must all carry; empty admits a
	 * leaf without the extension
	 * @return the refusal, or {@code null} when the leaf may authenticate a client
	 */
	static @Nullable MtlsReason check(X509Certificate leaf, List<String> requiredExtendedKeyUsages) {
		if (leaf.getBasicConstraints() != -1 || !endEntity(leaf)) {
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
			// Trailing zero bits of the named bit list are tolerated (X.690 asks DER to
			// drop them; some CAs keep them, and the JDK and OpenSSL accept them): the
			// bits read are the same.
			return KeyUsage.getInstance(strictDer(value)).hasUsages(KeyUsage.digitalSignature);
		}
		catch (IOException | RuntimeException ex) {
			// BouncyCastle reports bad encodings as IOException, IllegalArgumentException
			// or ASN1ParsingException (an IllegalStateException).
			return false;
		}
	}

	/**
	 * Whether the basic constraints extension, when present, parses strictly and says
	 * {@code cA: FALSE}. The JDK reads a non-critical one it cannot parse as absent (an
	 * end entity), so {@code SEQUENCE { TRUE }} with a trailing byte would pass for one.
	 * @param leaf the leaf certificate
	 * @return whether the leaf is an end entity
	 */
	private static boolean endEntity(X509Certificate leaf) {
		byte[] extension = leaf.getExtensionValue(Extension.basicConstraints.getId());
		if (extension == null) {
			return true;
		}
		try {
			byte[] value = ASN1OctetString.getInstance(extension).getOctets();
			return !BasicConstraints.getInstance(strictDer(value)).isCA();
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	/**
	 * Parse one DER value with nothing after it.
	 * @param value the encoding
	 * @return the value
	 * @throws IOException when the value is not exactly one DER encoding
	 */
	private static ASN1Primitive strictDer(byte[] value) throws IOException {
		ASN1Primitive primitive = ASN1Primitive.fromByteArray(value);
		if (primitive == null || !Arrays.equals(primitive.getEncoded(ASN1Encoding.DER), value)) {
			throw new IOException("Not one DER value");
		}
		return primitive;
	}

}
