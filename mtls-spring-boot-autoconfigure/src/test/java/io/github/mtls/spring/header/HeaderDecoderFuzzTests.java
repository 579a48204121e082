package io.github.mtls.spring.header;

import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.github.mtls.spring.error.MtlsAuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property tests: whatever a header holds, a decoder returns certificates or throws
 * {@link MtlsAuthenticationException}, nothing else (anything else escaping the filter is
 * a 500). A plain build runs the seeds under {@code HeaderDecoderFuzzTestsInputs};
 * {@code JAZZER_FUZZ=1} fuzzes.
 */
class HeaderDecoderFuzzTests {

	private static final List<CertificateHeaderDecoder> DECODERS = List.of(new Rfc9440HeaderDecoder(),
			new XfccHeaderDecoder(), new UrlEncodedPemHeaderDecoder(), new PemHeaderDecoder(),
			new DerBase64HeaderDecoder(), new AwsAlbHeaderDecoder(), new AutoDetectingHeaderDecoder());

	@FuzzTest(maxDuration = "30s")
	void decodeWhenAnyValueThenCertificatesOrMtlsAuthenticationException(FuzzedDataProvider data) {
		String value = data.consumeRemainingAsString();
		for (CertificateHeaderDecoder decoder : DECODERS) {
			assertDecodesOrRejects(decoder, value);
		}
	}

	@FuzzTest(maxDuration = "30s")
	void decodeWhenValidValueMutatedThenCertificatesOrMtlsAuthenticationException(FuzzedDataProvider data) {
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
			assertDecodesOrRejects(decoder, mutated.toString());
		}
	}

	static void assertDecodesOrRejects(CertificateHeaderDecoder decoder, String value) {
		try {
			assertThat(decoder.decode(value)).doesNotContainNull();
		}
		catch (MtlsAuthenticationException ex) {
			// the one permitted failure
		}
	}

}
