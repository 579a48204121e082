package io.github.mtls.spring.validation;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.test.pki.CertificateAuthority;
import io.github.mtls.spring.test.pki.IssuedCertificate;

import static org.assertj.core.api.Assertions.assertThat;

class PkixCertificateValidatorTests {

	private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

	private static final CertificateAuthority ca = CertificateAuthority.root("MyData Test CA");

	private final PkixCertificateValidator validator = new PkixCertificateValidator(TrustAnchors.of(ca.certificate()),
			List.of(CLIENT_AUTH), Duration.ofSeconds(30));

	@Test
	void validateWhenIssuedByAnchorThenValid() {
		assertThat(this.validator.validate(ca.leaf("op").clientAuth().issue().chain()).isValid()).isTrue();
	}

	@Test
	void validateWhenPresentedWithoutRootThenValid() {
		IssuedCertificate leaf = ca.leaf("op").clientAuth().issue();
		assertThat(this.validator.validate(List.of(leaf.certificate())).isValid()).isTrue();
	}

	@Test
	void validateWhenIssuedThroughIntermediateThenValid() {
		IssuedCertificate leaf = ca.intermediate("Issuing CA").leaf("op").clientAuth().issue();
		assertThat(this.validator.validate(List.of(leaf.presentedChain())).isValid()).isTrue();
	}

	@Test
	void validateWhenIntermediateMissingThenUntrusted() {
		IssuedCertificate leaf = ca.intermediate("Issuing CA").leaf("op").clientAuth().issue();
		assertReason(List.of(leaf.certificate()), MtlsReason.CERTIFICATE_UNTRUSTED);
	}

	@Test
	void validateWhenIssuedByAnotherCaThenUntrusted() {
		assertReason(CertificateAuthority.root("Other CA").leaf("op").clientAuth().issue().chain(),
				MtlsReason.CERTIFICATE_UNTRUSTED);
	}

	@Test
	void validateWhenRogueCaCarriesTheRealCaNameThenUntrusted() {
		CertificateAuthority rogue = CertificateAuthority.root("MyData Test CA");
		IssuedCertificate leaf = rogue.leaf("op").clientAuth().issue();
		assertReason(leaf.chain(), MtlsReason.CERTIFICATE_UNTRUSTED);
		assertReason(List.of(leaf.certificate()), MtlsReason.CERTIFICATE_UNTRUSTED);
	}

	@Test
	void validateWhenAnchorPresentedAsClientCertificateThenUntrusted() {
		assertReason(List.of(ca.certificate()), MtlsReason.CERTIFICATE_UNTRUSTED);
	}

	@Test
	void validateWhenExpiredThenExpired() {
		Instant now = Instant.now();
		IssuedCertificate leaf = ca.leaf("op")
			.validity(now.minus(Duration.ofDays(30)), now.minus(Duration.ofMinutes(5)))
			.clientAuth()
			.issue();
		assertReason(leaf.chain(), MtlsReason.CERTIFICATE_EXPIRED);
	}

	@Test
	void validateWhenNotYetValidThenNotYetValid() {
		Instant now = Instant.now();
		IssuedCertificate leaf = ca.leaf("op")
			.validity(now.plus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(30)))
			.clientAuth()
			.issue();
		assertReason(leaf.chain(), MtlsReason.CERTIFICATE_NOT_YET_VALID);
	}

	@Test
	void validateWhenValidityMissedWithinClockSkewThenValid() {
		Instant now = Instant.now();
		IssuedCertificate early = ca.leaf("op")
			.validity(now.plusSeconds(10), now.plus(Duration.ofDays(30)))
			.clientAuth()
			.issue();
		IssuedCertificate late = ca.leaf("op")
			.validity(now.minus(Duration.ofDays(30)), now.minusSeconds(10))
			.clientAuth()
			.issue();
		this.validator.setClock(Clock.fixed(now, ZoneOffset.UTC));
		assertThat(this.validator.validate(early.chain()).isValid()).isTrue();
		assertThat(this.validator.validate(late.chain()).isValid()).isTrue();
	}

	@Test
	void validateWhenExtendedKeyUsageMissingThenRefused() {
		assertReason(ca.leaf("op").issue().chain(), MtlsReason.EXTENDED_KEY_USAGE_MISSING);
	}

	@Test
	void validateWhenOnlyServerAuthThenRefused() {
		assertReason(ca.leaf("op").serverAuth().issue().chain(), MtlsReason.EXTENDED_KEY_USAGE_MISSING);
	}

	@Test
	void validateWhenAnyExtendedKeyUsageThenRefused() {
		assertReason(ca.leaf("op").extendedKeyUsage(KeyPurposeId.anyExtendedKeyUsage).issue().chain(),
				MtlsReason.EXTENDED_KEY_USAGE_MISSING);
	}

	@Test
	void validateWhenNoExtendedKeyUsageRequiredThenLegacyCertificateValid() {
		PkixCertificateValidator legacy = new PkixCertificateValidator(TrustAnchors.of(ca.certificate()), List.of(),
				Duration.ZERO);
		assertThat(legacy.validate(ca.leaf("op").keyUsage(null).issue().chain()).isValid()).isTrue();
	}

	@Test
	void validateWhenKeyUsageLacksDigitalSignatureThenRefused() {
		assertReason(ca.leaf("op").keyUsage(KeyUsage.keyEncipherment).clientAuth().issue().chain(),
				MtlsReason.KEY_USAGE_NOT_PERMITTED);
	}

	@Test
	void validateWhenChainLongerThanAllowedThenUntrusted() {
		CertificateAuthority deep = ca;
		for (int i = 0; i < 3; i++) {
			deep = deep.intermediate("Level " + i);
		}
		IssuedCertificate leaf = deep.leaf("op").clientAuth().issue();
		this.validator.setMaxPathLength(2);
		assertReason(List.of(leaf.presentedChain()), MtlsReason.CERTIFICATE_UNTRUSTED);
		this.validator.setMaxPathLength(3);
		assertThat(this.validator.validate(List.of(leaf.presentedChain())).isValid()).isTrue();
	}

	@Test
	void validateWhenEmptyThenNoCertificate() {
		assertReason(List.of(), MtlsReason.NO_CERTIFICATE);
	}

	@Test
	void validateWhenChainOutOfOrderThenUntrusted() {
		IssuedCertificate leaf = ca.intermediate("Issuing CA").leaf("op").clientAuth().issue();
		List<X509Certificate> reversed = new ArrayList<>(List.of(leaf.presentedChain()));
		java.util.Collections.reverse(reversed);
		assertReason(reversed, MtlsReason.CERTIFICATE_UNTRUSTED);
	}

	private void assertReason(List<X509Certificate> chain, MtlsReason reason) {
		ValidationResult result = this.validator.validate(chain);
		assertThat(result.isValid()).isFalse();
		assertThat(result.failure()).isEqualTo(reason);
	}

}
