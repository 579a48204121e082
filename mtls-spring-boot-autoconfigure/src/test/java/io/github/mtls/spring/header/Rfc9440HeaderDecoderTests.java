package io.github.mtls.spring.header;

import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.mtls.spring.error.MtlsReason;

import static org.assertj.core.api.Assertions.assertThat;

class Rfc9440HeaderDecoderTests {

	private final Rfc9440HeaderDecoder decoder = new Rfc9440HeaderDecoder();

	@Test
	void decodeWhenRfcAppendixClientCertThenLeaf() {
		List<X509Certificate> certificates = this.decoder.decode(HeaderValues.rfc9440Example("rfc9440-client-cert.txt"))
			.certificates();
		assertThat(certificates).hasSize(1);
		assertThat(certificates.get(0).getSubjectX500Principal().getName()).isEqualTo("CN=BC");
	}

	@Test
	void decodeWhenRfcAppendixClientCertChainThenIntermediateAndRoot() {
		List<X509Certificate> certificates = this.decoder
			.decode(HeaderValues.rfc9440Example("rfc9440-client-cert-chain.txt"))
			.certificates();
		assertThat(certificates).hasSize(2);
		assertThat(certificates.get(0).getSubjectX500Principal().getName()).contains("LA Intermediate CA");
		assertThat(certificates.get(1).getSubjectX500Principal().getName()).contains("Root Authority");
	}

	@Test
	void decodeWhenMintedCertificateThenSameCertificate() {
		assertThat(this.decoder.decode(HeaderValues.rfc9440(HeaderValues.leaf)).certificates())
			.containsExactly(HeaderValues.leaf);
	}

	@Test
	void decodeWhenListWithoutSpacesThenEveryMember() {
		String value = HeaderValues.rfc9440(HeaderValues.intermediate.certificate()) + ","
				+ HeaderValues.rfc9440(HeaderValues.root.certificate());
		assertThat(this.decoder.decode(value).certificates()).hasSize(2);
	}

	@Test
	void decodeWhenColonsMissingThenMalformed() {
		assertMalformed(HeaderValues.base64(HeaderValues.leaf));
		assertMalformed(":" + HeaderValues.base64(HeaderValues.leaf));
		assertMalformed(HeaderValues.base64(HeaderValues.leaf) + ":");
	}

	@Test
	void decodeWhenLineBreaksInsideThenMalformed() {
		String base64 = HeaderValues.base64(HeaderValues.leaf);
		assertMalformed(":" + base64.substring(0, 40) + "\n" + base64.substring(40) + ":");
	}

	@Test
	void decodeWhenTrailingGarbageThenMalformed() {
		assertMalformed(HeaderValues.rfc9440(HeaderValues.leaf) + "x");
		assertMalformed(HeaderValues.rfc9440(HeaderValues.leaf) + ",");
		assertMalformed(HeaderValues.rfc9440(HeaderValues.leaf) + ", ");
	}

	@Test
	void decodeWhenDerHasTrailingBytesThenMalformed() {
		byte[] der = HeaderValues.der(HeaderValues.leaf);
		byte[] longer = java.util.Arrays.copyOf(der, der.length + 2);
		assertMalformed(":" + java.util.Base64.getEncoder().encodeToString(longer) + ":");
	}

	@Test
	void decodeWhenEmptyThenMalformed() {
		assertMalformed("");
		assertMalformed("::");
	}

	private void assertMalformed(String value) {
		DecodedHeader decoded = this.decoder.decode(value);
		assertThat(decoded.refusal()).as(value).isEqualTo(MtlsReason.MALFORMED_HEADER);
		assertThat(decoded.certificates()).isEmpty();
	}

}
