package io.github.mtls.spring.header;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AutoDetectingHeaderDecoderTests {

	private final AutoDetectingHeaderDecoder decoder = new AutoDetectingHeaderDecoder();

	@Test
	void detectWhenEachProxyFormatThenThatFormat() {
		assertThat(AutoDetectingHeaderDecoder.detect(HeaderValues.rfc9440(HeaderValues.leaf)))
			.isEqualTo(HeaderFormat.RFC9440);
		assertThat(AutoDetectingHeaderDecoder.detect(HeaderValues.urlEncodedPem(HeaderValues.leaf)))
			.isEqualTo(HeaderFormat.URL_ENCODED_PEM);
		assertThat(AutoDetectingHeaderDecoder.detect(HeaderValues.awsAlb(List.of(HeaderValues.leaf))))
			.isEqualTo(HeaderFormat.URL_ENCODED_PEM);
		assertThat(AutoDetectingHeaderDecoder.detect(HeaderValues.traefik(List.of(HeaderValues.leaf))))
			.isIn(HeaderFormat.URL_ENCODED_PEM, HeaderFormat.DER_BASE64);
		assertThat(AutoDetectingHeaderDecoder.detect(HeaderValues.apache(HeaderValues.leaf)))
			.isEqualTo(HeaderFormat.PEM);
		assertThat(AutoDetectingHeaderDecoder.detect(HeaderValues.nginxLegacy(HeaderValues.leaf)))
			.isEqualTo(HeaderFormat.PEM);
		assertThat(AutoDetectingHeaderDecoder.detect("(null)")).isEqualTo(HeaderFormat.PEM);
		assertThat(AutoDetectingHeaderDecoder.detect(HeaderValues.base64(HeaderValues.leaf)))
			.isEqualTo(HeaderFormat.DER_BASE64);
		assertThat(AutoDetectingHeaderDecoder.detect("\"" + HeaderValues.base64(HeaderValues.leaf) + "\""))
			.isEqualTo(HeaderFormat.DER_BASE64);
		assertThat(AutoDetectingHeaderDecoder.detect("By=spiffe://x;Cert=abc")).isEqualTo(HeaderFormat.XFCC);
		assertThat(AutoDetectingHeaderDecoder.detect("hash=abc;cert=abc")).isEqualTo(HeaderFormat.XFCC);
	}

	@Test
	void decodeWhenEachProxyFormatThenSameCertificate() {
		List<String> values = List.of(HeaderValues.rfc9440(HeaderValues.leaf),
				HeaderValues.urlEncodedPem(HeaderValues.leaf), HeaderValues.awsAlb(List.of(HeaderValues.leaf)),
				HeaderValues.traefik(List.of(HeaderValues.leaf)), HeaderValues.apache(HeaderValues.leaf),
				HeaderValues.nginxLegacy(HeaderValues.leaf), HeaderValues.pem(HeaderValues.leaf),
				HeaderValues.base64(HeaderValues.leaf), "\"" + HeaderValues.base64(HeaderValues.leaf) + "\"",
				"Cert=" + HeaderValues.urlEncodedPem(HeaderValues.leaf));
		for (String value : values) {
			assertThat(this.decoder.decode(value).certificates()).as(value).containsExactly(HeaderValues.leaf);
		}
	}

	@Test
	void decodeWhenRfcAppendixValueThenDecoded() {
		assertThat(this.decoder.decode(HeaderValues.rfc9440Example("rfc9440-client-cert.txt")).certificates())
			.hasSize(1);
	}

	@Test
	void decodeWhenUnknownFormThenMalformed() {
		for (String value : List.of("", "   ", "hello world", "{\"cert\":\"x\"}", "<cert/>", "Foo=bar", "\"abc%20\"",
				"\u00e9")) {
			assertThat(this.decoder.decode(value)).as(value).isSameAs(DecodedHeader.malformed());
		}
	}

	@Test
	void decodeWhenEachProxyFormatThenNamesTheFormatItWasReadAs() {
		assertThat(this.decoder.decode(HeaderValues.rfc9440(HeaderValues.leaf)).format())
			.isEqualTo(HeaderFormat.RFC9440);
		assertThat(this.decoder.decode(HeaderValues.urlEncodedPem(HeaderValues.leaf)).format())
			.isEqualTo(HeaderFormat.URL_ENCODED_PEM);
		assertThat(this.decoder.decode(HeaderValues.apache(HeaderValues.leaf)).format()).isEqualTo(HeaderFormat.PEM);
		assertThat(this.decoder.decode("(null)").format()).isEqualTo(HeaderFormat.PEM);
		assertThat(this.decoder.decode(HeaderValues.base64(HeaderValues.leaf)).format())
			.isEqualTo(HeaderFormat.DER_BASE64);
		assertThat(this.decoder.decode("Cert=" + HeaderValues.urlEncodedPem(HeaderValues.leaf)).format())
			.isEqualTo(HeaderFormat.XFCC);
	}

}
