package io.github.mtls.spring.autoconfigure;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;

import io.github.mtls.spring.mydata.OperatorRegistry;
import io.github.mtls.spring.security.MtlsAuthenticationManagers;
import io.github.mtls.spring.validation.CertificateValidator;

/**
 * Contributes the starter's {@link AuthenticationManagerResolver}: an
 * {@link AuthenticationManager} that authenticates certificate tokens, for applications
 * that build their own filters. Its presence is also what makes Boot's
 * {@code UserDetailsServiceAutoConfiguration} back off, so a service that authenticates
 * by certificate gets no in-memory user with a generated password (and no HTTP Basic with
 * it on a fallback chain). An application that configures {@code spring.security.user.*}
 * or defines its own resolver keeps Boot's behaviour.
 *
 * @author mtls-spring-boot
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnMissingBean(AuthenticationManagerResolver.class)
@Conditional(MtlsAuthenticationManagerConfiguration.NoUserProperties.class)
final class MtlsAuthenticationManagerConfiguration {

	MtlsAuthenticationManagerConfiguration() {
	}

	@Bean
	AuthenticationManagerResolver<HttpServletRequest> mtlsAuthenticationManagerResolver(CertificateValidator validator,
			OperatorRegistry registry) {
		AuthenticationManager manager = MtlsAuthenticationManagers.create(validator, registry);
		return (request) -> manager;
	}

	/**
	 * Matches when neither {@code spring.security.user.name} nor
	 * {@code spring.security.user.password} is set: a user who sets them wants Boot's
	 * in-memory user.
	 */
	static final class NoUserProperties extends NoneNestedConditions {

		NoUserProperties() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty("spring.security.user.name")
		static final class UserName {

		}

		@ConditionalOnProperty("spring.security.user.password")
		static final class UserPassword {

		}

	}

}
