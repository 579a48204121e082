package io.github.mtls.spring.header;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.mtls.spring.error.MtlsReason;

import static org.assertj.core.api.Assertions.assertThat;

class UrlEncodedPemHeaderDecoderTests {

	private final UrlEncodedPemHeaderDecoder decoder = new UrlEncodedPemHeaderDecoder();

	@Test
	void decodeWhenNginxEscapedCertThenCertificate() {
		String value = HeaderValues.urlEncodedPem(HeaderValues.leaf);
		assertThat(value).startsWith("-----BEGIN%20CERTIFICATE-----%0A");
		assertThat(this.decoder.decode(value).certificates()).containsExactly(HeaderValues.leaf);
	}

	@Test
	void decodeWhenPlusLeftRawThenPlusIsKept() {
		String value = HeaderValues.awsAlb(List.of(HeaderValues.leaf));
		assertThat(this.decoder.decode(value).certificates()).containsExactly(HeaderValues.leaf);
	}

	@Test
	void decodeWhenTraefikCommaSeparatedBodiesThenChain() {
		List<java.security.cert.X509Certificate> chain = List.of(HeaderValues.leaf,
				HeaderValues.intermediate.certificate());
		assertThat(this.decoder.decode(HeaderValues.traefik(chain)).certificates()).containsExactlyElementsOf(chain);
	}

	@Test
	void decodeWhenBadEscapeThenMalformed() {
		assertMalformed(HeaderValues.urlEncodedPem(HeaderValues.leaf) + "%");
		assertMalformed(HeaderValues.urlEncodedPem(HeaderValues.leaf).replace("%0A", "%0G"));
	}

	@Test
	void decodeWhenTrailingEncodedGarbageThenMalformed() {
		assertMalformed(HeaderValues.urlEncodedPem(HeaderValues.leaf) + "%41");
	}

	@Test
	void decodeWhenEmptyTraefikMemberThenMalformed() {
		assertMalformed(HeaderValues.traefik(List.of(HeaderValues.leaf)) + ",");
	}

	@Test
	void decodeWhenEmptyThenMalformed() {
		assertMalformed("");
	}

	private void assertMalformed(String value) {
		DecodedHeader decoded = this.decoder.decode(value);
		assertThat(decoded.refusal()).as(value).isEqualTo(MtlsReason.MALFORMED_HEADER);
		assertThat(decoded.certificates()).isEmpty();
	}

}
