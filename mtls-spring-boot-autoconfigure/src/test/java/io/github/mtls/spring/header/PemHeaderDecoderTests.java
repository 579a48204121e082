package io.github.mtls.spring.header;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.mtls.spring.error.MtlsReason;

import static org.assertj.core.api.Assertions.assertThat;

class PemHeaderDecoderTests {

	private final PemHeaderDecoder decoder = new PemHeaderDecoder();

	@Test
	void decodeWhenApacheSpacesForLineBreaksThenCertificate() {
		assertThat(this.decoder.decode(HeaderValues.apache(HeaderValues.leaf)).certificates())
			.containsExactly(HeaderValues.leaf);
	}

	@Test
	void decodeWhenNginxLegacyTabIndentedThenCertificate() {
		assertThat(this.decoder.decode(HeaderValues.nginxLegacy(HeaderValues.leaf)).certificates())
			.containsExactly(HeaderValues.leaf);
	}

	@Test
	void decodeWhenPlainPemWithCrlfThenCertificate() {
		assertThat(this.decoder.decode(HeaderValues.pem(HeaderValues.leaf).replace("\n", "\r\n")).certificates())
			.containsExactly(HeaderValues.leaf);
	}

	@Test
	void decodeWhenSeveralBlocksThenChain() {
		assertThat(this.decoder
			.decode(HeaderValues.pem(List.of(HeaderValues.leaf, HeaderValues.intermediate.certificate())))
			.certificates()).hasSize(2);
	}

	@Test
	void decodeWhenApacheNullThenNoCertificate() {
		DecodedHeader decoded = this.decoder.decode("(null)");
		assertThat(decoded.isRefused()).isFalse();
		assertThat(decoded.certificates()).isEmpty();
		assertThat(decoded.format()).isEqualTo(HeaderFormat.PEM);
	}

	@Test
	void decodeWhenTextAfterBlockThenMalformed() {
		assertMalformed(HeaderValues.pem(HeaderValues.leaf) + "garbage");
		assertMalformed("garbage" + HeaderValues.pem(HeaderValues.leaf));
	}

	@Test
	void decodeWhenOtherBlockTypeThenMalformed() {
		assertMalformed(HeaderValues.pem(HeaderValues.leaf).replace("CERTIFICATE", "PRIVATE KEY"));
	}

	@Test
	void decodeWhenEndMissingThenMalformed() {
		assertMalformed(HeaderValues.pem(HeaderValues.leaf).replace("-----END CERTIFICATE-----", ""));
	}

	@Test
	void decodeWhenBodyHasForeignCharacterThenMalformed() {
		assertMalformed(HeaderValues.pem(HeaderValues.leaf).replaceFirst("\n", "\n!"));
	}

	@Test
	void decodeWhenEmptyThenMalformed() {
		assertMalformed("");
		assertMalformed("-----BEGIN CERTIFICATE----------END CERTIFICATE-----");
	}

	private void assertMalformed(String value) {
		DecodedHeader decoded = this.decoder.decode(value);
		assertThat(decoded.refusal()).as(value).isEqualTo(MtlsReason.MALFORMED_HEADER);
		assertThat(decoded.certificates()).isEmpty();
	}

}
