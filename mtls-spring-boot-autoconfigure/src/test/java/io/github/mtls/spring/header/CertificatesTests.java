package io.github.mtls.spring.header;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.mtls.spring.error.MtlsAuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Pins the behaviour the decoders rely on: Spring's {@code StringUtils.uriDecode} keeps
 * {@code +}, decodes {@code %2B}, and rejects a bad or truncated escape.
 */
class CertificatesTests {

	@Test
	void percentDecodeWhenPlusThenKeptNotSpace() {
		assertThat(Certificates.percentDecode("a+b")).isEqualTo("a+b");
		assertThat(Certificates.percentDecode("a%2Bb%2bc")).isEqualTo("a+b+c");
		assertThat(Certificates.percentDecode("a%20b%0A")).isEqualTo("a b\n");
	}

	@Test
	void percentDecodeWhenBadEscapeThenMalformed() {
		for (String value : List.of("%", "%4", "a%G0", "%%41")) {
			assertThatExceptionOfType(MtlsAuthenticationException.class).as(value)
				.isThrownBy(() -> Certificates.percentDecode(value));
		}
	}

	@Test
	void fromDerWhenNotASequenceThenMalformed() {
		assertThatExceptionOfType(MtlsAuthenticationException.class)
			.isThrownBy(() -> Certificates.fromDer("-----BEGIN CERTIFICATE-----".getBytes()));
		assertThatExceptionOfType(MtlsAuthenticationException.class)
			.isThrownBy(() -> Certificates.fromDer(new byte[0]));
	}

	@Test
	void fromPemWhenMoreThanTenCertificatesThenMalformed() {
		String pem = HeaderValues.pem(HeaderValues.leaf).repeat(11);
		assertThatExceptionOfType(MtlsAuthenticationException.class).isThrownBy(() -> Certificates.fromPem(pem));
		assertThat(Certificates.fromPem(HeaderValues.pem(HeaderValues.leaf).repeat(10))).hasSize(10);
	}

}
