package io.github.mtls.spring.header;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * The strict building blocks every decoder shares: Base64 without lenience, DER that must
 * be exactly one certificate, PEM whose every byte belongs to a certificate block, and
 * percent-decoding that keeps {@code +}. Each answers {@code null} (or {@code false}) for
 * input it refuses, for the decoder to check and turn into
 * {@link DecodedHeader#malformed()}: a bad header costs no exception and no stack trace.
 *
 * @author mtls-spring-boot
 */
final class Certificates {

	static final int MAX_CERTIFICATES = DecodedHeader.MAX_CERTIFICATES;

	private static final String BEGIN = "-----BEGIN CERTIFICATE-----";

	private static final String END = "-----END CERTIFICATE-----";

	private Certificates() {
	}

	/**
	 * Decode standard Base64 (RFC 4648 section 4, padding as the encoder writes it) and
	 * parse the bytes as one DER certificate.
	 * @param base64 the Base64 text, nothing around it
	 * @return the certificate, or {@code null} when the text is not strict Base64 of
	 * exactly one certificate
	 */
	static @Nullable X509Certificate fromBase64(String base64) {
		for (int i = 0; i < base64.length(); i++) {
			if (!isBase64(base64.charAt(i))) {
				return null;
			}
		}
		byte[] der;
		try {
			der = Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			// Reached only for bad padding or length: every character was checked above.
			return null;
		}
		return fromDer(der);
	}

	/**
	 * Parse the bytes as exactly one DER certificate: {@link CertificateFactory} ignores
	 * bytes after the first certificate, so the re-encoding must be the whole input.
	 * @param der the bytes
	 * @return the certificate, or {@code null} when the bytes are anything else
	 */
	static @Nullable X509Certificate fromDer(byte[] der) {
		if (der.length == 0 || der[0] != 0x30) {
			// Not a DER SEQUENCE: also keeps CertificateFactory from trying PEM or
			// PKCS#7.
			return null;
		}
		Certificate certificate;
		byte[] encoded;
		try {
			certificate = CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
			encoded = certificate.getEncoded();
		}
		catch (CertificateException | RuntimeException ex) {
			// The JDK's parser signals every bad encoding by throwing, some unchecked:
			// never let one out.
			return null;
		}
		if (!(certificate instanceof X509Certificate x509) || !Arrays.equals(encoded, der)) {
			return null;
		}
		return x509;
	}

	/**
	 * Read PEM text made only of {@code CERTIFICATE} blocks and whitespace: line breaks
	 * may be newlines, CRLF, spaces (Apache) or tab-indented continuation lines (nginx's
	 * legacy {@code $ssl_client_cert}). Anything else, before, between or after the
	 * blocks, is refused.
	 * @param pem the PEM text
	 * @return the certificates, at least one and at most {@link #MAX_CERTIFICATES}, or
	 * {@code null} when the text is refused
	 */
	static @Nullable List<X509Certificate> fromPem(String pem) {
		List<X509Certificate> certificates = new ArrayList<>();
		int position = skipWhitespace(pem, 0);
		while (position < pem.length()) {
			if (!pem.startsWith(BEGIN, position)) {
				return null;
			}
			int bodyStart = position + BEGIN.length();
			int end = pem.indexOf(END, bodyStart);
			if (end < 0) {
				return null;
			}
			String body = removeWhitespace(pem, bodyStart, end);
			if (body.isEmpty() || !add(certificates, fromBase64(body))) {
				return null;
			}
			position = skipWhitespace(pem, end + END.length());
		}
		return certificates.isEmpty() ? null : certificates;
	}

	/**
	 * Read URL-encoded PEM: percent-decode, then {@link #fromPem(String)}.
	 * @param value the encoded PEM text
	 * @return the certificates, or {@code null} when an escape or the PEM is refused
	 */
	static @Nullable List<X509Certificate> fromUrlEncodedPem(String value) {
		@Nullable String pem = percentDecode(value);
		return (pem != null) ? fromPem(pem) : null;
	}

	/**
	 * Percent-decode as URIs do but without turning {@code +} into a space, which Base64
	 * needs (AWS ALB leaves {@code +} unencoded).
	 * @param value the encoded text
	 * @return the decoded text, or {@code null} when an escape is bad or truncated
	 */
	static @Nullable String percentDecode(String value) {
		if (!hasValidEscapes(value)) {
			return null;
		}
		try {
			return StringUtils.uriDecode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			// Not reached for the escapes checked above; kept so that a change in
			// Spring's decoder refuses the value instead of escaping the filter.
			return null;
		}
	}

	/**
	 * Add a certificate to a header's certificates, unless it could not be read or the
	 * header already holds {@link #MAX_CERTIFICATES}.
	 * @param certificates the certificates read so far
	 * @param certificate the certificate read next, or {@code null} when it could not be
	 * read
	 * @return whether it was added; {@code false} refuses the header
	 */
	static boolean add(List<X509Certificate> certificates, @Nullable X509Certificate certificate) {
		if (certificate == null || certificates.size() >= MAX_CERTIFICATES) {
			return false;
		}
		certificates.add(certificate);
		return true;
	}

	static boolean isWhitespace(char c) {
		return c == ' ' || c == '\t' || c == '\r' || c == '\n';
	}

	/**
	 * Whether a character belongs to the standard Base64 alphabet or is its padding.
	 * @param c the character
	 * @return whether the strict decoder may accept it
	 */
	static boolean isBase64(char c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/'
				|| c == '=';
	}

	// Every '%' followed by two ASCII hex digits, as StringUtils.uriDecode requires:
	// checked first so that a bad escape is refused without the exception it throws.
	private static boolean hasValidEscapes(String value) {
		for (int i = value.indexOf('%'); i >= 0; i = value.indexOf('%', i + 3)) {
			if (i + 2 >= value.length() || !isHexDigit(value.charAt(i + 1)) || !isHexDigit(value.charAt(i + 2))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isHexDigit(char c) {
		return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
	}

	private static int skipWhitespace(String text, int from) {
		int position = from;
		while (position < text.length() && isWhitespace(text.charAt(position))) {
			position++;
		}
		return position;
	}

	private static String removeWhitespace(String text, int from, int to) {
		StringBuilder body = new StringBuilder(to - from);
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (!isWhitespace(c)) {
				body.append(c);
			}
		}
		return body.toString();
	}

}
