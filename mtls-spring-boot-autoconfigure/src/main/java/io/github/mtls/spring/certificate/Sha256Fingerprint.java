package io.github.mtls.spring.certificate;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The SHA-256 fingerprint of a certificate's DER encoding (or of any other bytes, such as
 * a fetched document), as 64 lower-case hex digits. The one place this codebase computes
 * a SHA-256 hex string.
 *
 * @param value the 64 lower-case hex digits
 * @author mtls-spring-boot
 */
public record Sha256Fingerprint(String value) {

	private static final Pattern CONFIGURED = Pattern.compile("[0-9a-fA-F]{64}");

	/**
	 * Compute the fingerprint of a certificate.
	 * @param certificate the certificate
	 * @return the fingerprint
	 * @throws IllegalArgumentException if the certificate cannot be encoded
	 */
	public static Sha256Fingerprint of(X509Certificate certificate) {
		try {
			return of(certificate.getEncoded());
		}
		catch (CertificateEncodingException ex) {
			throw new IllegalArgumentException("Certificate has no DER encoding", ex);
		}
	}

	/**
	 * Compute the fingerprint of some bytes.
	 * @param content the bytes
	 * @return the fingerprint
	 */
	public static Sha256Fingerprint of(byte[] content) {
		try {
			return new Sha256Fingerprint(
					HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is unavailable", ex);
		}
	}

	/**
	 * Parse a configured fingerprint: 64 hex digits, colons optional, any case.
	 * @param text the configured value
	 * @return the fingerprint
	 * @throws IllegalArgumentException if the text is not 32 bytes of hex
	 */
	public static Sha256Fingerprint parse(String text) {
		String digits = text.trim().replace(":", "");
		if (!CONFIGURED.matcher(digits).matches()) {
			throw new IllegalArgumentException("Expected a SHA-256 fingerprint of 64 hex digits, colons optional");
		}
		return new Sha256Fingerprint(digits.toLowerCase(Locale.ROOT));
	}

	@Override
	public String toString() {
		return this.value;
	}

}
