package io.github.mtls.spring.header;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.mtls.spring.error.MtlsReason;

import static org.assertj.core.api.Assertions.assertThat;

class AwsAlbHeaderDecoderTests {

	private final AwsAlbHeaderDecoder decoder = new AwsAlbHeaderDecoder();

	@Test
	void decodeWhenLeafHeaderThenCertificate() {
		String value = HeaderValues.awsAlb(List.of(HeaderValues.leaf));
		assertThat(value).startsWith("-----BEGIN%20CERTIFICATE-----%0A");
		DecodedHeader decoded = this.decoder.decode(value);
		assertThat(decoded.certificates()).containsExactly(HeaderValues.leaf);
		assertThat(decoded.format()).isEqualTo(HeaderFormat.AWS_ALB);
	}

	@Test
	void decodeWhenPassthroughChainThenEveryCertificate() {
		String value = HeaderValues.awsAlb(List.of(HeaderValues.leaf, HeaderValues.intermediate.certificate()));
		assertThat(this.decoder.decode(value).certificates()).containsExactly(HeaderValues.leaf,
				HeaderValues.intermediate.certificate());
	}

	@Test
	void decodeWhenPlusInBodyThenNotTurnedIntoSpace() {
		// Find a body with '+': Base64 of random keys almost always has one.
		String value = HeaderValues.awsAlb(List.of(HeaderValues.leaf));
		if (value.contains("+")) {
			assertThat(this.decoder.decode(value).certificates()).containsExactly(HeaderValues.leaf);
			assertThat(this.decoder.decode(value.replace("+", "%20")).refusal()).isEqualTo(MtlsReason.MALFORMED_HEADER);
		}
	}

	@Test
	void decodeWhenNotPemThenMalformed() {
		assertThat(this.decoder.decode(HeaderValues.base64(HeaderValues.leaf)).refusal())
			.isEqualTo(MtlsReason.MALFORMED_HEADER);
	}

}
