package io.github.mtls.spring.header;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.mtls.spring.error.MtlsAuthenticationException;
import io.github.mtls.spring.error.MtlsReason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AwsAlbHeaderDecoderTests {

	private final AwsAlbHeaderDecoder decoder = new AwsAlbHeaderDecoder();

	@Test
	void decodeWhenLeafHeaderThenCertificate() {
		String value = HeaderValues.awsAlb(List.of(HeaderValues.leaf));
		assertThat(value).startsWith("-----BEGIN%20CERTIFICATE-----%0A");
		assertThat(this.decoder.decode(value)).containsExactly(HeaderValues.leaf);
	}

	@Test
	void decodeWhenPassthroughChainThenEveryCertificate() {
		String value = HeaderValues.awsAlb(List.of(HeaderValues.leaf, HeaderValues.intermediate.certificate()));
		assertThat(this.decoder.decode(value)).containsExactly(HeaderValues.leaf,
				HeaderValues.intermediate.certificate());
	}

	@Test
	void decodeWhenPlusInBodyThenNotTurnedIntoSpace() {
		// Find a body with '+': Base64 of random keys almost always has one.
		String value = HeaderValues.awsAlb(List.of(HeaderValues.leaf));
		if (value.contains("+")) {
			assertThat(this.decoder.decode(value)).containsExactly(HeaderValues.leaf);
			assertThatExceptionOfType(MtlsAuthenticationException.class)
				.isThrownBy(() -> this.decoder.decode(value.replace("+", "%20")));
		}
	}

	@Test
	void decodeWhenNotPemThenMalformed() {
		assertThatExceptionOfType(MtlsAuthenticationException.class)
			.isThrownBy(() -> this.decoder.decode(HeaderValues.base64(HeaderValues.leaf)))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(MtlsReason.MALFORMED_HEADER));
	}

}
