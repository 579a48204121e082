package io.github.mtls.spring.header;

import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.github.mtls.spring.error.MtlsReason;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property tests: whatever a header holds, a decoder never throws (anything escaping the
 * filter is a 500) and answers either a {@code MALFORMED_HEADER} refusal without
 * certificates or every certificate of the value, none of them {@code null}, at most ten,
 * with the format it read. A plain build runs the seeds under
 * {@code HeaderDecoderFuzzTestsInputs}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class HeaderDecoderFuzzTests {

	private static final List<CertificateHeaderDecoder> DECODERS = List.of(new Rfc9440HeaderDecoder(),
			new XfccHeaderDecoder(), new UrlEncodedPemHeaderDecoder(), new PemHeaderDecoder(),
			new DerBase64HeaderDecoder(), new AwsAlbHeaderDecoder(), new AutoDetectingHeaderDecoder());

	@FuzzTest(maxDuration = "30s")
	void decodeWhenAnyValueThenRefusedOrCertificates(FuzzedDataProvider data) {
		String value = data.consumeRemainingAsString();
		for (CertificateHeaderDecoder decoder : DECODERS) {
			assertRefusedOrCertificates(decoder, value);
		}
	}

	@FuzzTest(maxDuration = "30s")
	void decodeWhenValidValueMutatedThenRefusedOrCertificates(FuzzedDataProvider data) {
		List<String> valid = List.of(HeaderValues.rfc9440(HeaderValues.leaf),
				HeaderValues.urlEncodedPem(HeaderValues.leaf), HeaderValues.apache(HeaderValues.leaf),
				HeaderValues.base64(HeaderValues.leaf), "Cert=" + HeaderValues.urlEncodedPem(HeaderValues.leaf));
		String value = valid.get(data.consumeInt(0, valid.size() - 1));
		StringBuilder mutated = new StringBuilder(value);
		int edits = data.consumeInt(1, 4);
		for (int i = 0; i < edits && mutated.length() > 0; i++) {
			int at = data.consumeInt(0, mutated.length() - 1);
			switch (data.consumeInt(0, 2)) {
				case 0 -> mutated.deleteCharAt(at);
				case 1 -> mutated.insert(at, data.consumeChar());
				default -> mutated.setCharAt(at, data.consumeChar());
			}
		}
		for (CertificateHeaderDecoder decoder : DECODERS) {
			assertRefusedOrCertificates(decoder, mutated.toString());
		}
	}

	static void assertRefusedOrCertificates(CertificateHeaderDecoder decoder, String value) {
		DecodedHeader decoded = decoder.decode(value);
		assertThat(decoded).isNotNull();
		if (decoded.isRefused()) {
			assertThat(decoded.refusal()).isEqualTo(MtlsReason.MALFORMED_HEADER);
			assertThat(decoded.certificates()).isEmpty();
			return;
		}
		assertThat(decoded.certificates()).doesNotContainNull().hasSizeLessThanOrEqualTo(Certificates.MAX_CERTIFICATES);
		assertThat(decoded.format()).isNotNull().isNotEqualTo(HeaderFormat.AUTO);
		if (decoded.certificates().isEmpty()) {
			// Only Apache's "(null)" says there is no certificate.
			assertThat(value.strip()).isEqualTo(PemHeaderDecoder.APACHE_NULL);
		}
	}

}
