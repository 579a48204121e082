package io.github.mtls.spring.security;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;

import io.github.mtls.spring.error.MtlsAuthenticationException;
import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.mydata.InMemoryOperatorRegistry;
import io.github.mtls.spring.mydata.MyDataOperator;
import io.github.mtls.spring.mydata.OperatorRegistration;
import io.github.mtls.spring.mydata.OperatorStatus;
import io.github.mtls.spring.mydata.SerialNumber;
import io.github.mtls.spring.test.pki.CertificateAuthority;
import io.github.mtls.spring.test.pki.IssuedCertificate;
import io.github.mtls.spring.validation.PkixCertificateValidator;
import io.github.mtls.spring.validation.TrustAnchors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MtlsAuthenticationManagersTests {

	private static final CertificateAuthority ca = CertificateAuthority.root("Managers Test CA");

	private static final IssuedCertificate registered = ca.leaf("Example Fintech")
		.serialNumber("2208112345")
		.clientAuth()
		.issue();

	private static final IssuedCertificate unregistered = ca.leaf("Unknown Fintech")
		.serialNumber("9998112345")
		.clientAuth()
		.issue();

	private final ProviderManager manager = MtlsAuthenticationManagers.create(
			new PkixCertificateValidator(TrustAnchors.of(ca.certificate()), List.of("1.3.6.1.5.5.7.3.2"),
					Duration.ZERO),
			new InMemoryOperatorRegistry(List.of(new OperatorRegistration("A1AAER0000", "2208112345",
					SerialNumber.of("2208112345"), "Example Fintech", OperatorStatus.ACTIVE, Set.of(), Set.of()))));

	@Test
	void createAuthenticatesACertificateTokenToItsRegisteredOperator() {
		Authentication result = this.manager.authenticate(MtlsAuthenticationToken.unauthenticated(registered.chain()));
		assertThat(result.isAuthenticated()).isTrue();
		assertThat(((MyDataOperator) result.getPrincipal()).orgCode()).isEqualTo("A1AAER0000");
	}

	@Test
	void createRefusesACertificateOfNoRegisteredOperator() {
		assertThatExceptionOfType(MtlsAuthenticationException.class)
			.isThrownBy(() -> this.manager.authenticate(MtlsAuthenticationToken.unauthenticated(unregistered.chain())))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(MtlsReason.OPERATOR_NOT_REGISTERED));
	}

}
