package io.github.mtls.spring.header;

import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.github.mtls.spring.error.MtlsReason;

import static org.assertj.core.api.Assertions.assertThat;

class DerBase64HeaderDecoderTests {

	private final DerBase64HeaderDecoder decoder = new DerBase64HeaderDecoder();

	@Test
	void decodeWhenHaproxySslCDerBase64ThenCertificate() {
		assertThat(this.decoder.decode(HeaderValues.base64(HeaderValues.leaf)).certificates())
			.containsExactly(HeaderValues.leaf);
	}

	@Test
	void decodeWhenQuotedThenCertificate() {
		assertThat(this.decoder.decode("\"" + HeaderValues.base64(HeaderValues.leaf) + "\"").certificates())
			.containsExactly(HeaderValues.leaf);
	}

	@Test
	void decodeWhenMimeLineBreaksThenMalformed() {
		String mime = Base64.getMimeEncoder().encodeToString(HeaderValues.der(HeaderValues.leaf));
		assertMalformed(mime);
	}

	@Test
	void decodeWhenGarbageCharacterThenMalformed() {
		String base64 = HeaderValues.base64(HeaderValues.leaf);
		assertMalformed(base64.substring(0, 10) + "*" + base64.substring(10));
	}

	@Test
	void decodeWhenTrailingDerBytesThenMalformed() {
		byte[] der = HeaderValues.der(HeaderValues.leaf);
		assertMalformed(Base64.getEncoder().encodeToString(Arrays.copyOf(der, der.length + 1)));
	}

	@Test
	void decodeWhenTruncatedThenMalformed() {
		byte[] der = HeaderValues.der(HeaderValues.leaf);
		assertMalformed(Base64.getEncoder().encodeToString(Arrays.copyOf(der, der.length - 1)));
	}

	@Test
	void decodeWhenUrlSafeAlphabetThenMalformed() {
		String urlSafe = Base64.getUrlEncoder().encodeToString(HeaderValues.der(HeaderValues.leaf));
		if (!urlSafe.equals(HeaderValues.base64(HeaderValues.leaf))) {
			assertMalformed(urlSafe);
		}
	}

	@Test
	void decodeWhenEmptyOrEmptyQuotesThenMalformed() {
		assertMalformed("");
		assertMalformed("\"\"");
		assertMalformed("\"");
	}

	private void assertMalformed(String value) {
		DecodedHeader decoded = this.decoder.decode(value);
		assertThat(decoded.refusal()).as(value).isEqualTo(MtlsReason.MALFORMED_HEADER);
		assertThat(decoded.certificates()).isEmpty();
	}

}
