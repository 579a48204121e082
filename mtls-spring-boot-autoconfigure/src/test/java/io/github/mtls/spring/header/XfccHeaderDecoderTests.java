package io.github.mtls.spring.header;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.mtls.spring.error.MtlsReason;

import static org.assertj.core.api.Assertions.assertThat;

class XfccHeaderDecoderTests {

	private static final String CERT = HeaderValues.urlEncodedPem(HeaderValues.leaf);

	private static final String CHAIN = HeaderValues
		.escape(HeaderValues.pem(List.of(HeaderValues.leaf, HeaderValues.intermediate.certificate())), "");

	private final XfccHeaderDecoder decoder = new XfccHeaderDecoder();

	@Test
	void decodeWhenCertWithHashSubjectAndUriThenCertificate() throws Exception {
		String value = "By=http://frontend.lyft.com;Hash=" + sha256() + ";Cert=\"" + CERT
				+ "\";Subject=\"/C=US/ST=CA/L=San Francisco/OU=Lyft/CN=Test Client\";URI=http://testclient.lyft.com";
		assertThat(this.decoder.decode(value).certificates()).containsExactly(HeaderValues.leaf);
	}

	@Test
	void decodeWhenChainThenWholeChain() {
		assertThat(this.decoder.decode("Chain=" + CHAIN).certificates()).containsExactly(HeaderValues.leaf,
				HeaderValues.intermediate.certificate());
	}

	@Test
	void decodeWhenCertAndChainAgreeThenChain() {
		assertThat(this.decoder.decode("Cert=" + CERT + ";Chain=" + CHAIN).certificates()).hasSize(2);
	}

	@Test
	void decodeWhenCertAndChainDisagreeThenMalformed() {
		String other = HeaderValues.urlEncodedPem(HeaderValues.intermediate.certificate());
		assertMalformed("Cert=" + other + ";Chain=" + CHAIN);
	}

	@Test
	void decodeWhenSeveralElementsThenLastOne() {
		String first = "By=spiffe://a;Cert=" + HeaderValues.urlEncodedPem(HeaderValues.intermediate.certificate());
		assertThat(this.decoder.decode(first + ",By=spiffe://b;Cert=" + CERT).certificates())
			.containsExactly(HeaderValues.leaf);
	}

	@Test
	void decodeWhenQuotedValueHoldsSeparatorsThenParsedAsOneValue() {
		String value = "Subject=\"CN=a,O=b;c=\\\"d\\\"\";Cert=" + CERT + ";DNS=lyft.com;DNS=www.lyft.com";
		assertThat(this.decoder.decode(value).certificates()).containsExactly(HeaderValues.leaf);
	}

	@Test
	void decodeWhenHashMismatchThenMalformed() {
		assertMalformed("Hash=" + "00".repeat(32) + ";Cert=" + CERT);
	}

	@Test
	void decodeWhenEnvoyDocumentationExampleWithoutCertThenMalformed() {
		assertMalformed("By=http://frontend.lyft.com;Hash=468ed33be74eee6556d90c0149c1309e9ba61d6425303443c0748a"
				+ "02dd8de688;Subject=\"/C=US/ST=CA/L=San Francisco/OU=Lyft/CN=Test Client\";URI=http://testclient.lyft.com");
	}

	@Test
	void decodeWhenCertRepeatedThenMalformed() {
		assertMalformed("Cert=" + CERT + ";Cert=" + CERT);
	}

	@Test
	void decodeWhenUnterminatedQuoteThenMalformed() {
		assertMalformed("Cert=\"" + CERT);
	}

	@Test
	void decodeWhenPairWithoutEqualsThenMalformed() {
		assertMalformed("Cert=" + CERT + ";junk");
	}

	@Test
	void decodeWhenTextAfterClosingQuoteThenMalformed() {
		assertMalformed("Cert=\"" + CERT + "\"x");
	}

	private static String sha256() throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(HeaderValues.der(HeaderValues.leaf)));
	}

	private void assertMalformed(String value) {
		DecodedHeader decoded = this.decoder.decode(value);
		assertThat(decoded.refusal()).as(value).isEqualTo(MtlsReason.MALFORMED_HEADER);
		assertThat(decoded.certificates()).isEmpty();
	}

}
