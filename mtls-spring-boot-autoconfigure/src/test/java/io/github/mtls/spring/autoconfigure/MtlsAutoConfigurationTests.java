package io.github.mtls.spring.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import io.github.mtls.spring.mydata.InMemoryOperatorRegistry;
import io.github.mtls.spring.mydata.OperatorRegistration;
import io.github.mtls.spring.mydata.OperatorRegistry;
import io.github.mtls.spring.mydata.SerialNumber;
import io.github.mtls.spring.security.MtlsAuthenticationFilter;
import io.github.mtls.spring.security.MtlsAuthenticationToken;
import io.github.mtls.spring.security.MtlsConfigurer;
import io.github.mtls.spring.security.MtlsErrorWriter;
import io.github.mtls.spring.source.ClientCertificateSource;
import io.github.mtls.spring.validation.CertificateValidator;
import io.github.mtls.spring.validation.TrustAnchors;

import static org.assertj.core.api.Assertions.assertThat;

class MtlsAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MtlsAutoConfiguration.class, SslAutoConfiguration.class,
				SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class))
		.withPropertyValues("mtls.trust-bundle=mydata-ca",
				"spring.ssl.bundle.pem.mydata-ca.truststore.certificate=" + TestPki.file("client-ca.pem"));

	@Test
	void registersTheStarterBeansAndItsOwnFilterChain() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(TrustAnchors.class)
				.hasSingleBean(CertificateValidator.class)
				.hasSingleBean(OperatorRegistry.class)
				.hasSingleBean(ClientCertificateSource.class)
				.hasSingleBean(MtlsErrorWriter.class)
				.hasBean(MtlsConfigurer.ACCESS_RULES_BEAN_NAME)
				.hasSingleBean(SecurityFilterChain.class);
			assertThat(context.getBean(TrustAnchors.class).isAnchor(TestPki.clientCa.certificate())).isTrue();
			assertThat(filtersOf(context.getBean(SecurityFilterChain.class)))
				.hasAtLeastOneElementOfType(MtlsAuthenticationFilter.class);
		});
	}

	@Test
	void mapsInlineOperatorsToTheRegistry() {
		this.contextRunner.withPropertyValues("mtls.mydata.operators[0].org-code=A1AAER0000",
				"mtls.mydata.operators[0].business-number=220-81-12345", "mtls.mydata.operators[0].scopes=bank.list")
			.run((context) -> {
				List<OperatorRegistration> found = context.getBean(OperatorRegistry.class)
					.findBySerialNumber(SerialNumber.of("2208112345"));
				assertThat(found).singleElement().satisfies((registration) -> {
					assertThat(registration.orgCode()).isEqualTo("A1AAER0000");
					assertThat(registration.scopes()).containsExactly("bank.list");
				});
			});
	}

	@Test
	void serialNumberOverridesBusinessNumber() {
		this.contextRunner
			.withPropertyValues("mtls.mydata.operators[0].org-code=A1AAER0000",
					"mtls.mydata.operators[0].business-number=2208112345",
					"mtls.mydata.operators[0].serial-number=110111-1234567")
			.run((context) -> {
				OperatorRegistry registry = context.getBean(OperatorRegistry.class);
				assertThat(registry.findBySerialNumber(SerialNumber.of("1101111234567"))).hasSize(1);
				assertThat(registry.findBySerialNumber(SerialNumber.of("2208112345"))).isEmpty();
			});
	}

	@Test
	void isOffWhenDisabled() {
		this.contextRunner.withPropertyValues("mtls.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(CertificateValidator.class)
				.doesNotHaveBean(OperatorRegistry.class)
				.doesNotHaveBean(MtlsConfigurer.ACCESS_RULES_BEAN_NAME);
			assertThat(filtersOf(context.getBean(SecurityFilterChain.class)))
				.noneMatch(MtlsAuthenticationFilter.class::isInstance);
		});
	}

	@Test
	void isOffWithoutSpringSecurity() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HttpSecurity.class))
			.run((context) -> assertThat(context).doesNotHaveBean(CertificateValidator.class));
	}

	@Test
	void registryIsConditionalOnMissingBean() {
		this.contextRunner.withUserConfiguration(CustomRegistryConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(OperatorRegistry.class);
			assertThat(context.getBean(OperatorRegistry.class)).isSameAs(CustomRegistryConfiguration.REGISTRY);
		});
	}

	@Test
	void keepsUserDefinedSecurityFilterChain() {
		this.contextRunner.withUserConfiguration(UserChainConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(SecurityFilterChain.class).hasBean("userChain");
			assertThat(filtersOf(context.getBean(SecurityFilterChain.class)))
				.hasAtLeastOneElementOfType(MtlsAuthenticationFilter.class);
		});
	}

	@Test
	void failsWithoutTrustAnchors() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MtlsAutoConfiguration.class, SslAutoConfiguration.class,
					SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(MtlsStartupException.class)
				.hasMessageContaining("mtls.trust-bundle"));
	}

	@Test
	void failsWhenTrustBundleIsUnknown() {
		this.contextRunner.withPropertyValues("mtls.trust-bundle=nope")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("mtls.trust-bundle"));
	}

	@Test
	void failsOnInvalidOrgCodeNamingTheKey() {
		this.contextRunner
			.withPropertyValues("mtls.mydata.operators[0].org-code=short",
					"mtls.mydata.operators[0].business-number=2208112345")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("mtls.mydata.operators[0].org-code"));
	}

	@Test
	void failsOnInvalidFingerprintNamingTheKey() {
		this.contextRunner
			.withPropertyValues("mtls.mydata.operators[0].org-code=A1AAER0000",
					"mtls.mydata.operators[0].business-number=2208112345",
					"mtls.mydata.operators[0].certificate-fingerprints=abc")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("mtls.mydata.operators[0].certificate-fingerprints"));
	}

	@Test
	void failsOnInvalidSerialNumberNamingTheKey() {
		this.contextRunner
			.withPropertyValues("mtls.mydata.operators[0].org-code=A1AAER0000",
					"mtls.mydata.operators[0].business-number=２２０８１１２３４５")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("mtls.mydata.operators[0].business-number"));
	}

	@Test
	void failsOnUnparseablePathPatternNamingTheKey() {
		this.contextRunner.withPropertyValues("mtls.access-rules[0].path=/v2/**/accounts")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("mtls.access-rules[0].path"));
	}

	@Test
	void failsOnPermitAllWithScopes() {
		this.contextRunner
			.withPropertyValues("mtls.access-rules[0].path=/x/**", "mtls.access-rules[0].permit-all=true",
					"mtls.access-rules[0].scopes=bank.list")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("mtls.access-rules[0].permit-all"));
	}

	@Test
	void failsOnUnknownExtendedKeyUsageNamingTheKey() {
		this.contextRunner.withPropertyValues("mtls.validation.required-extended-key-usage=client-auht")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("mtls.validation.required-extended-key-usage"));
	}

	@Test
	void backsOffBootsGeneratedUserWhenTheApplicationDefinesNone() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(UserDetailsServiceAutoConfiguration.class))
			.withPropertyValues("mtls.mydata.operators[0].org-code=A1AAER0000",
					"mtls.mydata.operators[0].business-number=2208112345")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(UserDetailsService.class)
					.hasSingleBean(AuthenticationManagerResolver.class);
				assertThat(context.getBean(AuthenticationManagerResolver.class)
					.resolve(null)
					.authenticate(MtlsAuthenticationToken.unauthenticated(TestPki.registered.chain()))
					.isAuthenticated()).isTrue();
			});
	}

	@Test
	void keepsBootsUserWhenSpringSecurityUserPropertiesAreSet() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(UserDetailsServiceAutoConfiguration.class))
			.withPropertyValues("spring.security.user.name=admin", "spring.security.user.password=secret")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(InMemoryUserDetailsManager.class)
				.doesNotHaveBean(AuthenticationManagerResolver.class));
	}

	@Test
	void keepsTheApplicationsUsers() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(UserDetailsServiceAutoConfiguration.class))
			.withBean(UserDetailsService.class,
					() -> new InMemoryUserDetailsManager(User.withUsername("ops").password("{noop}x").build()))
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(UserDetailsService.class)
				.satisfies((users) -> assertThat(users.loadUserByUsername("ops")).isNotNull()));
	}

	private static List<?> filtersOf(SecurityFilterChain chain) {
		return chain.getFilters();
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomRegistryConfiguration {

		static final OperatorRegistry REGISTRY = new InMemoryOperatorRegistry(List.of());

		@Bean
		OperatorRegistry customRegistry() {
			return REGISTRY;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserChainConfiguration {

		@Bean
		SecurityFilterChain userChain(HttpSecurity http) throws Exception {
			http.with(MtlsConfigurer.mtls(), Customizer.withDefaults());
			return http.build();
		}

	}

}
