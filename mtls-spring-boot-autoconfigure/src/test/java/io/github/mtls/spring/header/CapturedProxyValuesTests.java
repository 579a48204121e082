package io.github.mtls.spring.header;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decodes values captured from real nginx and HAProxy (see {@code captured/README.md}),
 * with the format's own decoder and with detection.
 */
class CapturedProxyValuesTests {

	private static final X509Certificate certificate = new PemHeaderDecoder().decode(read("certificate.pem"))
		.certificates()
		.get(0);

	@Test
	void decodeWhenNginxEscapedCertThenCertificate() {
		String value = read("nginx-escaped.txt");
		assertThat(new UrlEncodedPemHeaderDecoder().decode(value).certificates()).containsExactly(certificate);
		assertThat(new AutoDetectingHeaderDecoder().decode(value).certificates()).containsExactly(certificate);
	}

	@Test
	void decodeWhenNginxLegacyCertThenCertificate() {
		String value = read("nginx-legacy.txt");
		assertThat(value).contains("\n\t");
		assertThat(new PemHeaderDecoder().decode(value).certificates()).containsExactly(certificate);
		assertThat(new AutoDetectingHeaderDecoder().decode(value).certificates()).containsExactly(certificate);
	}

	@Test
	void decodeWhenHaproxyDerBase64ThenCertificate() {
		String value = read("haproxy-der-base64.txt");
		assertThat(new DerBase64HeaderDecoder().decode(value).certificates()).containsExactly(certificate);
		assertThat(new AutoDetectingHeaderDecoder().decode(value).certificates()).containsExactly(certificate);
	}

	private static String read(String name) {
		try (InputStream input = CapturedProxyValuesTests.class.getResourceAsStream("captured/" + name)) {
			return new String(input.readAllBytes(), StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
