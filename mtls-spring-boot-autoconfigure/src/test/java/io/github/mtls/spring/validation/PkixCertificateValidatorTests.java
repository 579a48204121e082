package io.github.mtls.spring.validation;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.mtls.spring.certificate.CertificateOrigin;
import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.test.pki.CertificateAuthority;
import io.github.mtls.spring.test.pki.IssuedCertificate;
import io.github.mtls.spring.validation.revocation.RevocationStatus;

import static org.assertj.core.api.Assertions.assertThat;

class PkixCertificateValidatorTests {

	private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

	private static final String POLICY = "1.2.410.200005.1.1.1";

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

	@ParameterizedTest
	@ValueSource(strings = { "0302052000", "2306030205200300", "0403616263", "030205", "" })
	void validateWhenNonCriticalKeyUsageDoesNotParseStrictlyThenRefused(String hex) {
		// 03 02 05 20 = keyEncipherment only; then a trailing byte, a BER constructed
		// BIT STRING, an OCTET STRING, a truncated one, nothing: the JDK reads each as
		// "no key usage".
		X509Certificate leaf = ca.leaf("op")
			.keyUsage(null)
			.rawExtension("2.5.29.15", false, HexFormat.of().parseHex(hex))
			.clientAuth()
			.issue()
			.certificate();
		assertThat(leaf.getKeyUsage()).isNull();
		assertReason(List.of(leaf, ca.certificate()), MtlsReason.KEY_USAGE_NOT_PERMITTED);
	}

	@Test
	void validateWhenNonCriticalKeyUsageIsWellFormedThenItsBitsDecide() {
		assertThat(this.validator
			.validate(ca.leaf("op")
				.keyUsage(null)
				.rawExtension("2.5.29.15", false, HexFormat.of().parseHex("03020780"))
				.clientAuth()
				.issue()
				.chain())
			.isValid()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "30030101ff00", "300301010000", "3002", "0500", "", "3003010101" })
	void validateWhenNonCriticalBasicConstraintsDoNotParseStrictlyThenRefusedAsAuthority(String hex) {
		// SEQUENCE { TRUE } or { FALSE } with a trailing byte, a truncated one, NULL,
		// nothing, a BER boolean: the JDK reads the first as "no basic constraints", an
		// end entity, though OpenSSL shows CA:TRUE.
		X509Certificate leaf = ca.leaf("op")
			.rawExtension("2.5.29.19", false, HexFormat.of().parseHex(hex))
			.clientAuth()
			.issue()
			.certificate();
		assertReason(List.of(leaf, ca.certificate()), MtlsReason.CERTIFICATE_IS_AUTHORITY);
	}

	@Test
	void validateWhenBasicConstraintsSayEndEntityThenValid() {
		assertThat(this.validator
			.validate(ca.leaf("op")
				.rawExtension("2.5.29.19", false, HexFormat.of().parseHex("3000"))
				.clientAuth()
				.issue()
				.chain())
			.isValid()).isTrue();
	}

	@Test
	void validateWhenIntermediateLacksKeyCertSignThenUntrustedNotTheLeafsKeyUsage() {
		CertificateAuthority misissued = ca
			.issuerFrom(ca.leaf("Misissued Intermediate").authority().keyUsage(KeyUsage.digitalSignature).issue());
		assertReason(misissued.leaf("op").clientAuth().issue().chain(), MtlsReason.CERTIFICATE_UNTRUSTED);
	}

	@Test
	void validateWhenLeafIsCaCertificateThenRefused() {
		assertReason(ca.leaf("op").authority().clientAuth().issue().chain(), MtlsReason.CERTIFICATE_IS_AUTHORITY);
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
	void validateWhenIntermediatesOutOfOrderThenOrdersThem() {
		IssuedCertificate leaf = ca.intermediate("Level 1").intermediate("Level 2").leaf("op").clientAuth().issue();
		List<X509Certificate> shuffled = new ArrayList<>(List.of(leaf.presentedChain()));
		Collections.swap(shuffled, 1, 2);
		assertThat(this.validator.validate(shuffled).isValid()).isTrue();
	}

	@Test
	void validateWhenLeafIsNotFirstThenUntrusted() {
		IssuedCertificate leaf = ca.intermediate("Issuing CA").leaf("op").clientAuth().issue();
		List<X509Certificate> reversed = new ArrayList<>(List.of(leaf.presentedChain()));
		Collections.reverse(reversed);
		assertThat(this.validator.validate(reversed).isValid()).isFalse();
	}

	@Test
	void validateWhenIntermediateConfiguredThenCompletesChain() {
		CertificateAuthority issuing = ca.intermediate("Issuing CA");
		IssuedCertificate leaf = issuing.leaf("op").clientAuth().issue();
		assertReason(List.of(leaf.certificate()), MtlsReason.CERTIFICATE_UNTRUSTED);
		this.validator.setIntermediates(List.of(issuing.certificate()));
		assertThat(this.validator.validate(List.of(leaf.certificate())).isValid()).isTrue();
	}

	@Test
	void validateWhenIntermediatesShareANameAfterRolloverThenCompletesWithTheOneThatIssued() {
		PkixCertificateValidator validator = rolloverValidator();
		IssuedCertificate leaf = RolloverPki.newIssuing.leaf("op").clientAuth().issue();
		assertThat(validator.validate(List.of(leaf.certificate())).isValid()).isTrue();
		assertThat(validator.validate(List.of(leaf.certificate()), CertificateOrigin.FORWARDED).isValid()).isTrue();
	}

	@Test
	void validateWhenRolloverLeafHasNoAuthorityKeyIdentifierThenTheSignatureDecides() {
		PkixCertificateValidator validator = rolloverValidator();
		X509Certificate leaf = RolloverPki.leafWithoutAuthorityKeyIdentifier(RolloverPki.newIssuing);
		assertThat(leaf.getExtensionValue("2.5.29.35")).isNull();
		assertThat(validator.validate(List.of(leaf)).isValid()).isTrue();
	}

	@Test
	void validateWhenNoIntermediateWithTheIssuerNameIssuedThenUntrusted() {
		PkixCertificateValidator validator = rolloverValidator();
		CertificateAuthority unlisted = RolloverPki.root.intermediate("Issuing CA");
		IssuedCertificate leaf = unlisted.leaf("op").clientAuth().issue();
		assertThat(validator.validate(List.of(leaf.certificate())).failure())
			.isEqualTo(MtlsReason.CERTIFICATE_UNTRUSTED);
		assertThat(validator.validate(List.of(RolloverPki.leafWithoutAuthorityKeyIdentifier(unlisted))).failure())
			.isEqualTo(MtlsReason.CERTIFICATE_UNTRUSTED);
	}

	@Test
	void validateWhenRequiredPolicyAssertedThenValid() {
		this.validator.setRequiredPolicies(List.of(POLICY));
		assertThat(this.validator.validate(ca.leaf("op").policies(POLICY).clientAuth().issue().chain()).isValid())
			.isTrue();
	}

	@Test
	void validateWhenRequiredPolicyMissingThenRefused() {
		this.validator.setRequiredPolicies(List.of(POLICY));
		assertReason(ca.leaf("op").clientAuth().issue().chain(), MtlsReason.POLICY_MISSING);
		assertReason(ca.leaf("op").policies("1.2.3.4").clientAuth().issue().chain(), MtlsReason.POLICY_MISSING);
	}

	@Test
	void validateWhenOneOfTwoRequiredPoliciesMissingThenRefused() {
		this.validator.setRequiredPolicies(List.of(POLICY, "1.2.410.200005.1.1.5"));
		assertReason(ca.leaf("op").policies(POLICY).clientAuth().issue().chain(), MtlsReason.POLICY_MISSING);
		assertThat(this.validator
			.validate(ca.leaf("op").policies(POLICY, "1.2.410.200005.1.1.5").clientAuth().issue().chain())
			.isValid()).isTrue();
	}

	@Test
	void validateWhenForwardedAndRevalidationOffThenSkipsOnlyTheChainCheck() {
		IssuedCertificate foreign = CertificateAuthority.root("Other CA").leaf("op").clientAuth().issue();
		assertReason(foreign.chain(), MtlsReason.CERTIFICATE_UNTRUSTED);
		this.validator.setRevalidateForwarded(false);
		assertThat(this.validator.validate(foreign.chain(), CertificateOrigin.FORWARDED).isValid()).isTrue();
		assertThat(this.validator.validate(foreign.chain(), CertificateOrigin.DIRECT).isValid()).isFalse();
		Instant now = Instant.now();
		IssuedCertificate expired = ca.leaf("op")
			.validity(now.minus(Duration.ofDays(30)), now.minus(Duration.ofMinutes(5)))
			.clientAuth()
			.issue();
		assertThat(this.validator.validate(expired.chain(), CertificateOrigin.FORWARDED).failure())
			.isEqualTo(MtlsReason.CERTIFICATE_EXPIRED);
		assertThat(this.validator.validate(ca.leaf("op").serverAuth().issue().chain(), CertificateOrigin.FORWARDED)
			.failure()).isEqualTo(MtlsReason.EXTENDED_KEY_USAGE_MISSING);
	}

	@Test
	void validateWhenTrustAnchorsReplacedThenUsesTheNewOnes() {
		CertificateAuthority next = CertificateAuthority.root("Next CA");
		IssuedCertificate leaf = next.leaf("op").clientAuth().issue();
		assertReason(leaf.chain(), MtlsReason.CERTIFICATE_UNTRUSTED);
		this.validator.setTrustAnchors(TrustAnchors.of(next.certificate()));
		assertThat(this.validator.validate(leaf.chain()).isValid()).isTrue();
	}

	@Test
	void validateWhenValidThenBoundedByEarliestNotAfter() {
		IssuedCertificate leaf = ca.intermediate("Issuing CA").leaf("op").clientAuth().issue();
		assertThat(this.validator.validate(List.of(leaf.presentedChain())).validUntil())
			.isEqualTo(leaf.certificate().getNotAfter().toInstant());
	}

	@Test
	void validateWhenRevokedThenRefusedWhateverTheFailurePolicy() {
		IssuedCertificate leaf = ca.leaf("op").clientAuth().issue();
		this.validator.setRevocationChecker((certificate, issuer) -> RevocationStatus.revoked("keyCompromise"), true);
		assertReason(leaf.chain(), MtlsReason.CERTIFICATE_REVOKED);
	}

	@Test
	void validateWhenRevocationUnknownAndClosedThenRefused() {
		this.validator.setRevocationChecker((certificate, issuer) -> RevocationStatus.unknown("responder down"), false);
		assertReason(ca.leaf("op").clientAuth().issue().chain(), MtlsReason.REVOCATION_UNKNOWN);
		assertThat(this.validator.getUnknownRevocationAccepted()).isZero();
	}

	@Test
	void validateWhenRevocationUnknownAndOpenThenAcceptedBrieflyAndCounted() {
		Instant now = Instant.now();
		this.validator.setRevocationChecker((certificate, issuer) -> RevocationStatus.unknown("responder down"), true);
		this.validator.setClock(Clock.fixed(now, ZoneOffset.UTC));
		ValidationResult result = this.validator.validate(ca.leaf("op").clientAuth().issue().chain());
		assertThat(result.isValid()).isTrue();
		assertThat(result.validUntil()).isEqualTo(now.plus(RevocationStep.UNKNOWN_ACCEPTED_FOR));
		assertThat(this.validator.getUnknownRevocationAccepted()).isOne();
	}

	@Test
	void validateWhenRevocationGoodThenBoundedByNextUpdateAndAskedAboutTheLeafAndItsIssuer() {
		CertificateAuthority issuing = ca.intermediate("Issuing CA");
		IssuedCertificate leaf = issuing.leaf("op").clientAuth().issue();
		Instant nextUpdate = Instant.now().plus(Duration.ofHours(1));
		List<X509Certificate> asked = new ArrayList<>();
		this.validator.setRevocationChecker((certificate, issuer) -> {
			asked.add(certificate);
			asked.add(issuer);
			return RevocationStatus.good(nextUpdate);
		}, false);
		ValidationResult result = this.validator.validate(List.of(leaf.presentedChain()));
		assertThat(result.validUntil()).isEqualTo(nextUpdate);
		assertThat(asked).containsExactly(leaf.certificate(), issuing.certificate());
	}

	@Test
	void validateWhenLeafIssuedByAnchorThenRevocationIssuerIsTheAnchor() {
		List<X509Certificate> asked = new ArrayList<>();
		this.validator.setRevocationChecker((certificate, issuer) -> {
			asked.add(issuer);
			return RevocationStatus.good(null);
		}, false);
		this.validator.validate(List.of(ca.leaf("op").clientAuth().issue().certificate()));
		assertThat(asked).containsExactly(ca.certificate());
	}

	private static PkixCertificateValidator rolloverValidator() {
		// The old intermediate first, as a bundle that kept it after the rollover.
		PkixCertificateValidator validator = new PkixCertificateValidator(
				TrustAnchors.of(RolloverPki.root.certificate()), List.of(CLIENT_AUTH), Duration.ofSeconds(30));
		validator.setIntermediates(List.of(RolloverPki.oldIssuing.certificate(), RolloverPki.newIssuing.certificate()));
		return validator;
	}

	private void assertReason(List<X509Certificate> chain, MtlsReason reason) {
		ValidationResult result = this.validator.validate(chain);
		assertThat(result.isValid()).isFalse();
		assertThat(result.failure()).isEqualTo(reason);
	}

}
