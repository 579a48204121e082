package io.github.mtls.spring.security;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.core.Authentication;

import io.github.mtls.spring.certificate.Sha256Fingerprint;
import io.github.mtls.spring.error.MtlsAuthenticationException;
import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.mydata.InMemoryOperatorRegistry;
import io.github.mtls.spring.mydata.MyDataOperator;
import io.github.mtls.spring.mydata.OperatorRegistration;
import io.github.mtls.spring.mydata.OperatorResolver;
import io.github.mtls.spring.mydata.OperatorStatus;
import io.github.mtls.spring.mydata.SerialNumber;
import io.github.mtls.spring.test.pki.CertificateAuthority;
import io.github.mtls.spring.test.pki.IssuedCertificate;
import io.github.mtls.spring.validation.CertificateValidator;
import io.github.mtls.spring.validation.PkixCertificateValidator;
import io.github.mtls.spring.validation.TrustAnchors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@ExtendWith(OutputCaptureExtension.class)
class MtlsAuthenticationProviderTests {

	private static final CertificateAuthority ca = CertificateAuthority.root("Provider Test CA");

	private static final IssuedCertificate operator = ca.leaf("Example Fintech")
		.serialNumber("2208112345")
		.clientAuth()
		.issue();

	private final OperatorResolver resolver = new OperatorResolver(new InMemoryOperatorRegistry(
			List.of(new OperatorRegistration("A1AAER0000", "2208112345", SerialNumber.of("2208112345"),
					"Example Fintech", OperatorStatus.ACTIVE, Set.of("bank.list"), Set.of()))));

	@Test
	void authenticateWhenChainValidAndOperatorRegisteredThenOperatorWithScopeAuthorities() {
		CertificateValidator validator = new PkixCertificateValidator(TrustAnchors.of(ca.certificate()),
				List.of("1.3.6.1.5.5.7.3.2"), Duration.ZERO);
		Authentication result = new MtlsAuthenticationProvider(validator, this.resolver)
			.authenticate(MtlsAuthenticationToken.unauthenticated(operator.chain()));
		assertThat(result.isAuthenticated()).isTrue();
		assertThat(((MyDataOperator) result.getPrincipal()).orgCode()).isEqualTo("A1AAER0000");
		assertThat(result.getAuthorities()).extracting(Object::toString).contains("SCOPE_bank.list");
	}

	@Test
	void authenticateWhenValidatorFailsUnexpectedlyThenCertificateUnreadableAndLoggedWithoutText(
			CapturedOutput output) {
		CertificateValidator broken = (chain) -> {
			throw new IllegalStateException("parser bug quoting MIIB-certificate-bytes");
		};
		assertThatExceptionOfType(MtlsAuthenticationException.class)
			.isThrownBy(() -> new MtlsAuthenticationProvider(broken, this.resolver)
				.authenticate(MtlsAuthenticationToken.unauthenticated(operator.chain())))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(MtlsReason.CERTIFICATE_UNREADABLE);
				assertThat(ex.getFingerprint()).isEqualTo(Sha256Fingerprint.of(operator.certificate()).value());
			});
		assertThat(output).contains("Client certificate could not be validated (java.lang.IllegalStateException)")
			.doesNotContain("MIIB-certificate-bytes");
	}

	@Test
	void authenticateWhenChainFromAnotherCaThenUntrustedWithFingerprint() {
		CertificateValidator validator = new PkixCertificateValidator(
				TrustAnchors.of(CertificateAuthority.root("Other CA").certificate()), List.of("1.3.6.1.5.5.7.3.2"),
				Duration.ZERO);
		assertThatExceptionOfType(MtlsAuthenticationException.class)
			.isThrownBy(() -> new MtlsAuthenticationProvider(validator, this.resolver)
				.authenticate(MtlsAuthenticationToken.unauthenticated(operator.chain())))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(MtlsReason.CERTIFICATE_UNTRUSTED);
				assertThat(ex.getFingerprint()).isEqualTo(Sha256Fingerprint.of(operator.certificate()).value());
			});
	}

	@Test
	void supportsOnlyMtlsTokens() {
		MtlsAuthenticationProvider provider = new MtlsAuthenticationProvider((chain) -> {
			throw new IllegalStateException();
		}, this.resolver);
		assertThat(provider.supports(MtlsAuthenticationToken.class)).isTrue();
		assertThat(provider.supports(org.springframework.security.authentication.TestingAuthenticationToken.class))
			.isFalse();
	}

}
