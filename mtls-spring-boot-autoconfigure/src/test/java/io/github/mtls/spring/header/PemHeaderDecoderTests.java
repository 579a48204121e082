package io.github.mtls.spring.header;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.mtls.spring.error.MtlsAuthenticationException;
import io.github.mtls.spring.error.MtlsReason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PemHeaderDecoderTests {

	private final PemHeaderDecoder decoder = new PemHeaderDecoder();

	@Test
	void decodeWhenApacheSpacesForLineBreaksThenCertificate() {
		assertThat(this.decoder.decode(HeaderValues.apache(HeaderValues.leaf))).containsExactly(HeaderValues.leaf);
	}

	@Test
	void decodeWhenNginxLegacyTabIndentedThenCertificate() {
		assertThat(this.decoder.decode(HeaderValues.nginxLegacy(HeaderValues.leaf))).containsExactly(HeaderValues.leaf);
	}

	@Test
	void decodeWhenPlainPemWithCrlfThenCertificate() {
		assertThat(this.decoder.decode(HeaderValues.pem(HeaderValues.leaf).replace("\n", "\r\n")))
			.containsExactly(HeaderValues.leaf);
	}

	@Test
	void decodeWhenSeveralBlocksThenChain() {
		assertThat(this.decoder
			.decode(HeaderValues.pem(List.of(HeaderValues.leaf, HeaderValues.intermediate.certificate())))).hasSize(2);
	}

	@Test
	void decodeWhenApacheNullThenNoCertificate() {
		assertThat(this.decoder.decode("(null)")).isEmpty();
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
		assertThatExceptionOfType(MtlsAuthenticationException.class).isThrownBy(() -> this.decoder.decode(value))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(MtlsReason.MALFORMED_HEADER));
	}

}
