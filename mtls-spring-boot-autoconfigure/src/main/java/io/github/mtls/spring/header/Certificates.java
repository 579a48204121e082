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

import org.springframework.util.StringUtils;

import io.github.mtls.spring.error.MtlsAuthenticationException;
import io.github.mtls.spring.error.MtlsReason;

/**
 * The strict building blocks every decoder shares: Base64 without lenience, DER that must
 * be exactly one certificate, PEM whose every byte belongs to a certificate block, and
 * percent-decoding that keeps {@code +}.
 *
 * @author mtls-spring-boot
 */
final class Certificates {

	/**
	 * Most certificates one header value may carry; a chain is leaf, intermediates and
	 * perhaps the root.
	 */
	static final int MAX_CERTIFICATES = 10;

	private static final String BEGIN = "-----BEGIN CERTIFICATE-----";

	private static final String END = "-----END CERTIFICATE-----";

	private Certificates() {
	}

	static MtlsAuthenticationException malformed() {
		return new MtlsAuthenticationException(MtlsReason.MALFORMED_HEADER);
	}

	/**
	 * Decode standard Base64 (RFC 4648 section 4, padding as the encoder writes it) and
	 * parse the bytes as one DER certificate.
	 */
	static X509Certificate fromBase64(String base64) {
		byte[] der;
		try {
			der = Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw malformed();
		}
		return fromDer(der);
	}

	/**
	 * Parse the bytes as exactly one DER certificate: {@link CertificateFactory} ignores
	 * bytes after the first certificate, so the re-encoding must be the whole input.
	 */
	static X509Certificate fromDer(byte[] der) {
		if (der.length == 0 || der[0] != 0x30) {
			// Not a DER SEQUENCE: also keeps CertificateFactory from trying PEM or
			// PKCS#7.
			throw malformed();
		}
		Certificate certificate;
		byte[] encoded;
		try {
			certificate = CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
			encoded = certificate.getEncoded();
		}
		catch (CertificateException | RuntimeException ex) {
			// Some malformed encodings surface as unchecked exceptions: never let one
			// out.
			throw malformed();
		}
		if (!(certificate instanceof X509Certificate x509) || !Arrays.equals(encoded, der)) {
			throw malformed();
		}
		return x509;
	}

	/**
	 * Read PEM text made only of {@code CERTIFICATE} blocks and whitespace: line breaks
	 * may be newlines, CRLF, spaces (Apache) or tab-indented continuation lines (nginx's
	 * legacy {@code $ssl_client_cert}). Anything else, before, between or after the
	 * blocks, fails.
	 */
	static List<X509Certificate> fromPem(String pem) {
		List<X509Certificate> certificates = new ArrayList<>();
		int position = skipWhitespace(pem, 0);
		while (position < pem.length()) {
			if (!pem.startsWith(BEGIN, position)) {
				throw malformed();
			}
			int bodyStart = position + BEGIN.length();
			int end = pem.indexOf(END, bodyStart);
			if (end < 0) {
				throw malformed();
			}
			String body = removeWhitespace(pem, bodyStart, end);
			if (body.isEmpty()) {
				throw malformed();
			}
			add(certificates, fromBase64(body));
			position = skipWhitespace(pem, end + END.length());
		}
		if (certificates.isEmpty()) {
			throw malformed();
		}
		return certificates;
	}

	/**
	 * Percent-decode as URIs do but without turning {@code +} into a space, which Base64
	 * needs (AWS ALB leaves {@code +} unencoded). A bad escape fails.
	 */
	static String percentDecode(String value) {
		try {
			return StringUtils.uriDecode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw malformed();
		}
	}

	static void add(List<X509Certificate> certificates, X509Certificate certificate) {
		if (certificates.size() >= MAX_CERTIFICATES) {
			throw malformed();
		}
		certificates.add(certificate);
	}

	static boolean isWhitespace(char c) {
		return c == ' ' || c == '\t' || c == '\r' || c == '\n';
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
