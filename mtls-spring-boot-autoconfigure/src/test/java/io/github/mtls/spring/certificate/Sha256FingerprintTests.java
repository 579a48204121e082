package io.github.mtls.spring.certificate;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.github.mtls.spring.test.pki.CertificateAuthority;
import io.github.mtls.spring.test.pki.IssuedCertificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class Sha256FingerprintTests {

	@Test
	void ofWhenBytesThenLowerCaseHexOfTheirSha256() {
		// FIPS 180-2's "abc" test vector
		assertThat(Sha256Fingerprint.of("abc".getBytes(StandardCharsets.US_ASCII)).value())
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void ofWhenCertificateThenFingerprintOfItsDer() throws Exception {
		IssuedCertificate issued = CertificateAuthority.root("Fingerprint CA").leaf("op").clientAuth().issue();
		assertThat(Sha256Fingerprint.of(issued.certificate()))
			.isEqualTo(Sha256Fingerprint.of(issued.certificate().getEncoded()))
			.hasToString(issued.sha256Fingerprint());
	}

	@Test
	void parseWhenColonsAndUpperCaseThenNormalised() {
		assertThat(Sha256Fingerprint
			.parse("BA:78:16:BF:8F:01:CF:EA:41:41:40:DE:5D:AE:22:23:"
					+ "B0:03:61:A3:96:17:7A:9C:B4:10:FF:61:F2:00:15:AD")
			.value()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void parseWhenNotSixtyFourHexDigitsThenFails() {
		assertThatIllegalArgumentException().isThrownBy(() -> Sha256Fingerprint.parse("ba7816bf"));
	}

}
