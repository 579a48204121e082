package io.github.mtls.spring.observability;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.mtls.spring.certificate.Sha256Fingerprint;
import io.github.mtls.spring.test.pki.CertificateAuthority;
import io.github.mtls.spring.validation.PkixCertificateValidator;
import io.github.mtls.spring.validation.TrustAnchors;

import static org.assertj.core.api.Assertions.assertThat;

class CertificateInventoryTests {

	private static final CertificateAuthority oldCa = CertificateAuthority.root("Old CA");

	private static final CertificateAuthority newCa = CertificateAuthority.root("New CA");

	@Test
	void certificatesWhenAnchorsReloadedThenShowsTheNewOnes() {
		PkixCertificateValidator pkix = new PkixCertificateValidator(TrustAnchors.of(oldCa.certificate()), List.of(),
				Duration.ZERO);
		CertificateInventory inventory = new CertificateInventory(List::of, pkix::getTrustAnchors,
				pkix::getIntermediates);
		assertThat(inventory.certificates()).extracting(CertificateInventory.Entry::sha256)
			.containsExactly(Sha256Fingerprint.of(oldCa.certificate()).value());
		pkix.setTrustAnchors(TrustAnchors.of(oldCa.certificate(), newCa.certificate()));
		assertThat(inventory.certificates()).extracting(CertificateInventory.Entry::sha256)
			.containsExactlyInAnyOrder(Sha256Fingerprint.of(oldCa.certificate()).value(),
					Sha256Fingerprint.of(newCa.certificate()).value());
	}

	@Test
	void certificatesWhenEveryKindPresentThenServerFirstThenAnchorsThenIntermediates() {
		CertificateAuthority intermediate = oldCa.intermediate("Intermediate");
		CertificateInventory inventory = new CertificateInventory(
				() -> List.of(oldCa.leaf("server").serverAuth().issue().certificate()),
				() -> TrustAnchors.of(oldCa.certificate()), () -> List.of(intermediate.certificate()));
		assertThat(inventory.certificates()).extracting(CertificateInventory.Entry::kind)
			.containsExactly(CertificateInventory.Kind.SERVER, CertificateInventory.Kind.TRUST_ANCHOR,
					CertificateInventory.Kind.INTERMEDIATE);
		assertThat(inventory.certificates().get(1).subject()).isEqualTo("CN=Old CA");
	}

}
