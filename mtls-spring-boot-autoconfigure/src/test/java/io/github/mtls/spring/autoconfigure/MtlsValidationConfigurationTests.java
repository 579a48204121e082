package io.github.mtls.spring.autoconfigure;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleRegistry;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;

import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.test.pki.CertificateAuthority;
import io.github.mtls.spring.test.pki.IssuedCertificate;
import io.github.mtls.spring.test.pki.TrustStores;
import io.github.mtls.spring.validation.CachingCertificateValidator;
import io.github.mtls.spring.validation.CertificateValidator;
import io.github.mtls.spring.validation.PkixCertificateValidator;
import io.github.mtls.spring.validation.TrustAnchors;
import io.github.mtls.spring.validation.ValidationResult;
import io.github.mtls.spring.validation.revocation.CrlRefresher;
import io.github.mtls.spring.validation.revocation.CrlRevocationChecker;
import io.github.mtls.spring.validation.revocation.OcspRevocationChecker;
import io.github.mtls.spring.validation.revocation.OcspThenCrlRevocationChecker;
import io.github.mtls.spring.validation.revocation.RevocationChecker;
import io.github.mtls.spring.validation.revocation.RevocationSourceFailures;
import io.github.mtls.spring.validation.revocation.RevocationStatus;

import static org.assertj.core.api.Assertions.assertThat;

class MtlsValidationConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MtlsAutoConfiguration.class, SslAutoConfiguration.class,
				SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class))
		.withPropertyValues("mtls.trust-bundle=mydata-ca",
				"spring.ssl.bundle.pem.mydata-ca.truststore.certificate=" + TestPki.file("client-ca.pem"));

	@Test
	void cachesSuccessfulValidationsByDefault() {
		this.contextRunner.run((context) -> assertThat(context.getBean(CertificateValidator.class))
			.isInstanceOf(CachingCertificateValidator.class));
	}

	@Test
	void cacheIsOffWithZeroEntries() {
		this.contextRunner.withPropertyValues("mtls.validation.cache.max-entries=0")
			.run((context) -> assertThat(context.getBean(CertificateValidator.class))
				.isInstanceOf(PkixCertificateValidator.class));
	}

	@Test
	void bindsTheValidationContract() {
		this.contextRunner
			.withPropertyValues("mtls.validation.revocation=ocsp-then-crl", "mtls.validation.revocation-failure=open",
					"mtls.validation.required-policies=1.2.410.200005.1.1.1", "mtls.validation.cache.ttl=1m")
			.run((context) -> {
				MtlsProperties.Validation validation = context.getBean(MtlsProperties.class).validation();
				assertThat(validation.revocation()).isEqualTo(MtlsProperties.Validation.Revocation.OCSP_THEN_CRL);
				assertThat(validation.revocationFailure()).isEqualTo(MtlsProperties.Validation.RevocationFailure.OPEN);
				assertThat(validation.requiredPolicies()).containsExactly("1.2.410.200005.1.1.1");
				assertThat(validation.cache().ttl()).hasMinutes(1);
				assertThat(validation.cache().maxEntries()).isEqualTo(10000);
				assertThat(validation.revalidateForwarded()).isTrue();
			});
	}

	@Test
	void requiredPolicyIsEnforced() {
		this.contextRunner.withPropertyValues("mtls.validation.required-policies=1.2.410.200005.1.1.1")
			.run((context) -> assertThat(
					context.getBean(CertificateValidator.class).validate(TestPki.registered.chain()).failure())
				.isEqualTo(MtlsReason.POLICY_MISSING));
	}

	@Test
	void failsOnInvalidPolicyNamingTheKey() {
		this.contextRunner.withPropertyValues("mtls.validation.required-policies=ev-policy")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("mtls.validation.required-policies[0]"));
	}

	@Test
	void failsOnUnknownIntermediatesBundleNamingTheKey() {
		this.contextRunner.withPropertyValues("mtls.validation.intermediates-bundle=nope")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("mtls.validation.intermediates-bundle"));
	}

	@Test
	void checksNoRevocationByDefault() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(RevocationChecker.class));
	}

	@Test
	void createsTheConfiguredRevocationChecker() {
		this.contextRunner.withPropertyValues("mtls.validation.revocation=crl")
			.run((context) -> assertThat(context.getBean(RevocationChecker.class))
				.isInstanceOf(CrlRevocationChecker.class));
		this.contextRunner.withPropertyValues("mtls.validation.revocation=OCSP")
			.run((context) -> assertThat(context.getBean(RevocationChecker.class))
				.isInstanceOf(OcspRevocationChecker.class));
		this.contextRunner.withPropertyValues("mtls.validation.revocation=ocsp-then-crl")
			.run((context) -> assertThat(context.getBean(RevocationChecker.class))
				.isInstanceOf(OcspThenCrlRevocationChecker.class));
	}

	@Test
	void revocationIsOffForNoneInAnyCaseAndOnForEveryMode() {
		for (String none : new String[] { "none", "NONE", "None" }) {
			this.contextRunner.withPropertyValues("mtls.validation.revocation=" + none)
				.run((context) -> assertThat(context).hasNotFailed()
					.doesNotHaveBean(RevocationChecker.class)
					.doesNotHaveBean(RevocationSourceFailures.class)
					.doesNotHaveBean(CrlRefresher.class));
		}
		for (String mode : new String[] { "crl", "CRL", "Ocsp", "ocsp-then-crl", "OCSP_THEN_CRL" }) {
			this.contextRunner.withPropertyValues("mtls.validation.revocation=" + mode)
				.run((context) -> assertThat(context).hasSingleBean(RevocationChecker.class)
					.hasSingleBean(RevocationSourceFailures.class));
		}
	}

	@Test
	void revocationIsOffForNoneWithSpacesAsThePropertiesBindingReadsIt() {
		this.contextRunner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("padded", Map.of("mtls.validation.revocation", " none "))))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(RevocationChecker.class)
				.doesNotHaveBean(CrlRefresher.class));
	}

	@Test
	void revocationModeThatIsNotOneFailsStartupNamingTheKey() {
		this.contextRunner.withPropertyValues("mtls.validation.revocation=sometimes")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("mtls.validation.revocation"));
	}

	@Test
	void crlRefreshRunsWithTheContextForModesThatUseCrls() {
		for (String mode : new String[] { "crl", "ocsp-then-crl" }) {
			CrlRefresher[] refresher = new CrlRefresher[1];
			this.contextRunner.withPropertyValues("mtls.validation.revocation=" + mode).run((context) -> {
				refresher[0] = context.getBean(CrlRefresher.class);
				assertThat(refresher[0].isRunning()).isTrue();
			});
			assertThat(refresher[0].isRunning()).isFalse();
		}
		this.contextRunner.withPropertyValues("mtls.validation.revocation=ocsp")
			.run((context) -> assertThat(context).doesNotHaveBean(CrlRefresher.class));
	}

	@Test
	void revocationCheckerOfTheApplicationReplacesTheStartersAndNoCrlRefreshRuns() {
		RevocationChecker own = (certificate, issuer) -> RevocationStatus.unknown("own");
		this.contextRunner.withPropertyValues("mtls.validation.revocation=crl")
			.withBean(RevocationChecker.class, () -> own)
			.run((context) -> {
				assertThat(context.getBean(RevocationChecker.class)).isSameAs(own);
				assertThat(context).doesNotHaveBean(CrlRefresher.class);
			});
	}

	@Test
	void bindsTheOcspMaxAgeWithATenMinuteDefault() {
		this.contextRunner.run((context) -> assertThat(context.getBean(MtlsProperties.class).validation().ocspMaxAge())
			.isEqualTo(Duration.ofMinutes(10)));
		this.contextRunner.withPropertyValues("mtls.validation.ocsp-max-age=2m")
			.run((context) -> assertThat(context.getBean(MtlsProperties.class).validation().ocspMaxAge())
				.isEqualTo(Duration.ofMinutes(2)));
	}

	@Test
	void sharesOneMemoryOfFailedSourcesBetweenOcspAndCrl() {
		this.contextRunner.withPropertyValues("mtls.validation.revocation=ocsp-then-crl")
			.run((context) -> assertThat(context).hasSingleBean(RevocationSourceFailures.class));
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(RevocationSourceFailures.class));
	}

	@Test
	void failsOnUnsupportedCrlLocationNamingTheKey() {
		this.contextRunner
			.withPropertyValues("mtls.validation.revocation=crl", "mtls.validation.crl-locations=ldap://x/ca.crl")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("mtls.validation.crl-locations[0]"));
	}

	@Test
	void failsOnUnsupportedOcspResponderNamingTheKey() {
		this.contextRunner
			.withPropertyValues("mtls.validation.revocation=ocsp", "mtls.validation.ocsp-responder=file:/tmp/x")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("mtls.validation.ocsp-responder"));
	}

	@Test
	void usesARevocationCheckerBean() {
		this.contextRunner.withUserConfiguration(RevokingConfiguration.class)
			.run((context) -> assertThat(
					context.getBean(CertificateValidator.class).validate(TestPki.registered.chain()).failure())
				.isEqualTo(MtlsReason.CERTIFICATE_REVOKED));
	}

	@Test
	void reloadsTrustAnchorsWhenTheirBundleIsUpdated() {
		CertificateAuthority next = CertificateAuthority.root("Next MyData CA");
		IssuedCertificate nextOperator = next.leaf("op").serialNumber("2208112345").clientAuth().issue();
		this.contextRunner.run((context) -> {
			CertificateValidator validator = context.getBean(CertificateValidator.class);
			assertThat(validator.validate(TestPki.registered.chain()).isValid()).isTrue();
			assertThat(validator.validate(nextOperator.chain()).isValid()).isFalse();
			SslBundle updated = SslBundle.of(SslStoreBundle.of(null, null, TrustStores.of(next.certificate())));
			((DefaultSslBundleRegistry) context.getBean(SslBundleRegistry.class)).updateBundle("mydata-ca", updated);
			ValidationResult old = validator.validate(TestPki.registered.chain());
			assertThat(old.failure()).isEqualTo(MtlsReason.CERTIFICATE_UNTRUSTED);
			assertThat(validator.validate(nextOperator.chain()).isValid()).isTrue();
		});
	}

	@Test
	void keepsTheApplicationsTrustAnchorsWhenABundleIsUpdated() {
		CertificateAuthority next = CertificateAuthority.root("Proxy CA");
		IssuedCertificate nextOperator = next.leaf("op").serialNumber("2208112345").clientAuth().issue();
		this.contextRunner.withUserConfiguration(OwnTrustAnchorsConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(TrustAnchors.class);
			assertThat(context.getBean(TrustAnchors.class)).isSameAs(context.getBean("ownTrustAnchors"));
			CertificateValidator validator = context.getBean(CertificateValidator.class);
			assertThat(validator.validate(TestPki.registered.chain()).isValid()).isTrue();
			SslBundle updated = SslBundle.of(SslStoreBundle.of(null, null, TrustStores.of(next.certificate())));
			((DefaultSslBundleRegistry) context.getBean(SslBundleRegistry.class)).updateBundle("mydata-ca", updated);
			assertThat(validator.validate(TestPki.registered.chain()).isValid()).isTrue();
			assertThat(validator.validate(nextOperator.chain()).failure()).isEqualTo(MtlsReason.CERTIFICATE_UNTRUSTED);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnTrustAnchorsConfiguration {

		@Bean
		TrustAnchors ownTrustAnchors() {
			return TrustAnchors.of(TestPki.clientCa.certificate());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RevokingConfiguration {

		@Bean
		RevocationChecker revokingChecker() {
			return (certificate, issuer) -> RevocationStatus.revoked("keyCompromise");
		}

	}

}
