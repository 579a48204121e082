package io.github.mtls.spring.header;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.util.StringUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Pins the behaviour the decoders rely on: Spring's {@code StringUtils.uriDecode} keeps
 * {@code +}, decodes {@code %2B}, and rejects a bad or truncated escape; and the helpers
 * answer {@code null} (or {@code false}) for what they refuse.
 */
class CertificatesTests {

	@Test
	void percentDecodeWhenPlusThenKeptNotSpace() {
		assertThat(Certificates.percentDecode("a+b")).isEqualTo("a+b");
		assertThat(Certificates.percentDecode("a%2Bb%2bc")).isEqualTo("a+b+c");
		assertThat(Certificates.percentDecode("a%20b%0A")).isEqualTo("a b\n");
	}

	@Test
	void percentDecodeWhenBadEscapeThenNull() {
		// The values Spring's decoder refuses, so that the check before it refuses no
		// more and no less.
		for (String value : List.of("%", "%4", "a%G0", "%%41", "a%2", "%\uff10\uff10", "%0g", "%g0", "%41%", "%41%4")) {
			assertThatIllegalArgumentException().as(value)
				.isThrownBy(() -> StringUtils.uriDecode(value, StandardCharsets.UTF_8));
			assertThat(Certificates.percentDecode(value)).as(value).isNull();
		}
	}

	@Test
	void fromBase64WhenOutsideTheAlphabetOrBadPaddingThenNull() {
		String base64 = HeaderValues.base64(HeaderValues.leaf);
		assertThat(Certificates.fromBase64(base64)).isEqualTo(HeaderValues.leaf);
		assertThat(Certificates.fromBase64(base64 + "\n")).isNull();
		assertThat(Certificates.fromBase64(base64.substring(0, 8) + "-" + base64.substring(9))).isNull();
		assertThat(Certificates.fromBase64("=" + base64)).isNull();
		assertThat(Certificates.fromBase64(base64.substring(1))).isNull();
	}

	@Test
	void fromDerWhenNotASequenceThenNull() {
		assertThat(Certificates.fromDer("-----BEGIN CERTIFICATE-----".getBytes())).isNull();
		assertThat(Certificates.fromDer(new byte[0])).isNull();
		assertThat(Certificates.fromDer(new byte[] { 0x30, 0x03, 0x02, 0x01 })).isNull();
	}

	@Test
	void fromPemWhenMoreThanTenCertificatesThenNull() {
		String pem = HeaderValues.pem(HeaderValues.leaf).repeat(11);
		assertThat(Certificates.fromPem(pem)).isNull();
		assertThat(Certificates.fromPem(HeaderValues.pem(HeaderValues.leaf).repeat(10))).hasSize(10);
	}

	@Test
	void addWhenUnreadOrFullThenNotAdded() {
		List<X509Certificate> certificates = new ArrayList<>();
		assertThat(Certificates.add(certificates, null)).isFalse();
		assertThat(certificates).isEmpty();
		for (int i = 0; i < Certificates.MAX_CERTIFICATES; i++) {
			assertThat(Certificates.add(certificates, HeaderValues.leaf)).isTrue();
		}
		assertThat(Certificates.add(certificates, HeaderValues.leaf)).isFalse();
		assertThat(certificates).hasSize(Certificates.MAX_CERTIFICATES);
	}

}
