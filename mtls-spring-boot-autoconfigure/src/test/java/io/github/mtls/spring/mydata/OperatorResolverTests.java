package io.github.mtls.spring.mydata;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.mtls.spring.certificate.Sha256Fingerprint;
import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.test.pki.CertificateAuthority;
import io.github.mtls.spring.test.pki.IssuedCertificate;

import static org.assertj.core.api.Assertions.assertThat;

class OperatorResolverTests {

	private static final CertificateAuthority ca = CertificateAuthority.root("Test CA");

	private static final IssuedCertificate certificate = ca.leaf("Example Fintech")
		.serialNumber("220-81-12345")
		.clientAuth()
		.issue();

	private static final Sha256Fingerprint fingerprint = Sha256Fingerprint.of(certificate.certificate());

	@Test
	void resolveWhenRegisteredThenReturnsOperator() {
		MyDataOperator operator = resolver(
				registration("A1AAER0000", "2208112345", OperatorStatus.ACTIVE, Set.of("bank.list"), Set.of()))
			.resolve(certificate.certificate(), fingerprint)
			.operator();
		assertThat(operator.orgCode()).isEqualTo("A1AAER0000");
		assertThat(operator.serialNumber()).isEqualTo("2208112345");
		assertThat(operator.scopes()).containsExactly("bank.list");
		assertThat(operator.certificateFingerprint()).isEqualTo(fingerprint.value());
		assertThat(operator.subject()).contains("CN=Example Fintech");
		assertThat(operator.issuer()).isEqualTo("CN=Test CA");
		assertThat(operator.notAfter()).isEqualTo(certificate.certificate().getNotAfter().toInstant());
	}

	@Test
	void resolveWhenSeveralOrgCodesShareSerialThenUnitesActiveOnes() {
		MyDataOperator operator = resolver(
				registration("A1AAER0000", "2208112345", OperatorStatus.ACTIVE, Set.of("bank.list"), Set.of()),
				registration("A1AAER0001", "2208112345", OperatorStatus.ACTIVE, Set.of("card.list"), Set.of()),
				registration("A1AAER0002", "2208112345", OperatorStatus.SUSPENDED, Set.of("insu.list"), Set.of()))
			.resolve(certificate.certificate(), fingerprint)
			.operator();
		assertThat(operator.orgCodes()).containsExactly("A1AAER0000", "A1AAER0001");
		assertThat(operator.scopes()).containsExactlyInAnyOrder("bank.list", "card.list");
	}

	@Test
	void resolveWhenNotRegisteredThenFails() {
		assertReason(resolver(registration("A1AAER0000", "1111111111", OperatorStatus.ACTIVE, Set.of(), Set.of())),
				MtlsReason.OPERATOR_NOT_REGISTERED);
	}

	@Test
	void resolveWhenAllSuspendedThenFails() {
		assertReason(resolver(registration("A1AAER0000", "2208112345", OperatorStatus.SUSPENDED, Set.of(), Set.of())),
				MtlsReason.OPERATOR_SUSPENDED);
	}

	@Test
	void resolveWhenPinnedFingerprintDiffersThenFails() {
		Sha256Fingerprint other = Sha256Fingerprint.parse("00".repeat(32));
		assertReason(resolver(registration("A1AAER0000", "2208112345", OperatorStatus.ACTIVE, Set.of(), Set.of(other))),
				MtlsReason.FINGERPRINT_NOT_PINNED);
	}

	@Test
	void resolveWhenPinnedFingerprintMatchesThenReturnsOperator() {
		MyDataOperator operator = resolver(
				registration("A1AAER0000", "2208112345", OperatorStatus.ACTIVE, Set.of(), Set.of(fingerprint)))
			.resolve(certificate.certificate(), fingerprint)
			.operator();
		assertThat(operator.orgCode()).isEqualTo("A1AAER0000");
	}

	@Test
	void resolveWhenMemberHasNoSerialThenMatchesByPinnedFingerprint() {
		IssuedCertificate noSerial = ca.leaf("VPN member").clientAuth().issue();
		Sha256Fingerprint pinned = Sha256Fingerprint.of(noSerial.certificate());
		OperatorRegistration member = new OperatorRegistration("V1VPNM0000", "", null, "VPN member",
				OperatorStatus.ACTIVE, Set.of("manage"), Set.of(pinned));
		MyDataOperator operator = resolver(member).resolve(noSerial.certificate(), pinned).operator();
		assertThat(operator.orgCode()).isEqualTo("V1VPNM0000");
		assertThat(operator.serialNumber()).isEmpty();
	}

	@Test
	void resolveWhenSerialMissingAndNoPinThenFailsWithMissingSerial() {
		IssuedCertificate noSerial = ca.leaf("No serial").clientAuth().issue();
		OperatorResolver resolver = resolver(
				registration("A1AAER0000", "2208112345", OperatorStatus.ACTIVE, Set.of(), Set.of()));
		assertThat(resolver.resolve(noSerial.certificate(), Sha256Fingerprint.of(noSerial.certificate())).refusal())
			.isEqualTo(MtlsReason.SERIAL_NUMBER_MISSING);
	}

	private static OperatorRegistration registration(String orgCode, String serial, OperatorStatus status,
			Set<String> scopes, Set<Sha256Fingerprint> pins) {
		return new OperatorRegistration(orgCode, serial, SerialNumber.of(serial), orgCode, status, scopes, pins);
	}

	private static OperatorResolver resolver(OperatorRegistration... registrations) {
		return new OperatorResolver(new InMemoryOperatorRegistry(List.of(registrations)));
	}

	private static void assertReason(OperatorResolver resolver, MtlsReason reason) {
		OperatorResolution resolution = resolver.resolve(certificate.certificate(), fingerprint);
		assertThat(resolution.isResolved()).isFalse();
		assertThat(resolution.operator()).isNull();
		assertThat(resolution.refusal()).isEqualTo(reason);
		assertThat(resolution.fingerprint()).isEqualTo(fingerprint.value());
	}

	@Test
	void resolveWhenAddressInAllowlistThenReturnsOperatorWithIndustriesAndOrgTypes() {
		MyDataOperator operator = new OperatorResolver(
				new InMemoryOperatorRegistry(List.of(allowlisted("A1AAER0000", "bank", List.of("203.0.113.0/24")),
						allowlisted("D1AAEV0000", "card", List.of()))))
			.resolve(certificate.certificate(), fingerprint, "203.0.113.7")
			.operator();
		assertThat(operator.orgCodes()).containsExactly("A1AAER0000", "D1AAEV0000");
		assertThat(operator.industries()).containsExactlyInAnyOrder("bank", "card");
		assertThat(operator.orgTypes()).containsExactly("03");
	}

	@Test
	void resolveWhenAddressOutsideOneEntrysAllowlistThenThatEntryIsSetAside() {
		MyDataOperator operator = new OperatorResolver(
				new InMemoryOperatorRegistry(List.of(allowlisted("A1AAER0000", "bank", List.of("203.0.113.0/24")),
						allowlisted("D1AAEV0000", "card", List.of("198.51.100.7")))))
			.resolve(certificate.certificate(), fingerprint, "198.51.100.7")
			.operator();
		assertThat(operator.orgCodes()).containsExactly("D1AAEV0000");
		assertThat(operator.scopes()).containsExactly("card.list");
	}

	@Test
	void resolveWhenAddressOutsideEveryAllowlistThenFailsWithSourceIpNotAllowed() {
		OperatorResolver resolver = new OperatorResolver(new InMemoryOperatorRegistry(
				List.of(allowlisted("A1AAER0000", "bank", List.of("203.0.113.0/24", "2001:db8::/32")))));
		OperatorResolution refused = resolver.resolve(certificate.certificate(), fingerprint, "198.51.100.7");
		assertThat(refused.refusal()).isEqualTo(MtlsReason.SOURCE_IP_NOT_ALLOWED);
		assertThat(refused.orgCodes()).containsExactly("A1AAER0000");
		assertThat(resolver.resolve(certificate.certificate(), fingerprint, "2001:db8::1").operator().orgCode())
			.isEqualTo("A1AAER0000");
	}

	@Test
	void resolveWhenAddressUnknownThenEntriesWithAllowlistAreSetAside() {
		OperatorResolver resolver = new OperatorResolver(
				new InMemoryOperatorRegistry(List.of(allowlisted("A1AAER0000", "bank", List.of("203.0.113.0/24")))));
		assertReason(resolver, MtlsReason.SOURCE_IP_NOT_ALLOWED);
	}

	private static OperatorRegistration allowlisted(String orgCode, String industry, List<String> allowlist) {
		return new OperatorRegistration(orgCode, "2208112345", SerialNumber.of("2208112345"), orgCode,
				OperatorStatus.ACTIVE, Set.of(industry + ".list"), Set.of(), IpAllowlist.of(allowlist), industry, "03");
	}

}
