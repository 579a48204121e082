package io.github.mtls.spring.header;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import io.github.mtls.spring.test.pki.CertificateAuthority;
import io.github.mtls.spring.test.pki.IssuedCertificate;

/**
 * Certificates minted for the decoder tests and their header values, written the way each
 * proxy writes them.
 */
final class HeaderValues {

	static final CertificateAuthority root = CertificateAuthority.root("Header Test Root");

	static final CertificateAuthority intermediate = root.intermediate("Header Test Intermediate");

	static final IssuedCertificate client = intermediate.leaf("Header Client")
		.serialNumber("2208112345")
		.clientAuth()
		.issue();

	static final X509Certificate leaf = client.certificate();

	private HeaderValues() {
	}

	static byte[] der(X509Certificate certificate) {
		try {
			return certificate.getEncoded();
		}
		catch (CertificateEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String base64(X509Certificate certificate) {
		return Base64.getEncoder().encodeToString(der(certificate));
	}

	/** PEM with 64-character lines and a trailing newline, as OpenSSL writes it. */
	static String pem(X509Certificate certificate) {
		return "-----BEGIN CERTIFICATE-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der(certificate))
				+ "\n-----END CERTIFICATE-----\n";
	}

	static String pem(List<X509Certificate> certificates) {
		return certificates.stream().map(HeaderValues::pem).collect(Collectors.joining());
	}

	/** Apache mod_headers {@code %{SSL_CLIENT_CERT}s}: line breaks become spaces. */
	static String apache(X509Certificate certificate) {
		return pem(certificate).strip().replace('\n', ' ');
	}

	/** nginx's legacy {@code $ssl_client_cert}: continuation lines start with a tab. */
	static String nginxLegacy(X509Certificate certificate) {
		return pem(certificate).strip().replace("\n", "\n\t");
	}

	/** nginx's {@code $ssl_client_escaped_cert}: every reserved character escaped. */
	static String urlEncodedPem(X509Certificate certificate) {
		return escape(pem(certificate), "");
	}

	/** AWS ALB: URL-encoded PEM leaving {@code +}, {@code =} and {@code /} raw. */
	static String awsAlb(List<X509Certificate> certificates) {
		return escape(pem(certificates), "+=/");
	}

	/** Traefik: each certificate's Base64 body escaped, joined with commas. */
	static String traefik(List<X509Certificate> certificates) {
		return certificates.stream().map((c) -> escape(base64(c), "")).collect(Collectors.joining(","));
	}

	static String rfc9440(X509Certificate certificate) {
		return ":" + base64(certificate) + ":";
	}

	static String escape(String text, String keep) {
		StringBuilder escaped = new StringBuilder();
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			boolean unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '_' || c == '.' || c == '~';
			if (unreserved || keep.indexOf(c) >= 0) {
				escaped.append(c);
			}
			else {
				escaped.append('%').append(String.format("%02X", b & 0xff));
			}
		}
		return escaped.toString();
	}

	/** A value from the RFC 9440 appendix, display folding removed. */
	static String rfc9440Example(String name) {
		try (InputStream input = HeaderValues.class.getResourceAsStream(name)) {
			return new String(input.readAllBytes(), StandardCharsets.US_ASCII).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
