package io.github.mtls.spring.security;

import org.springframework.security.authentication.ProviderManager;

import io.github.mtls.spring.mydata.OperatorRegistry;
import io.github.mtls.spring.mydata.OperatorResolver;
import io.github.mtls.spring.validation.CertificateValidator;

/**
 * Builds the authentication manager of certificate tokens, the one place that decides
 * what authenticates an {@link MtlsAuthenticationToken}: {@link MtlsConfigurer}'s filter
 * and the starter's {@code AuthenticationManagerResolver} bean both use it.
 *
 * @author mtls-spring-boot
 */
public final class MtlsAuthenticationManagers {

	private MtlsAuthenticationManagers() {
	}

	/**
	 * Create a manager whose one provider validates the chain and resolves the operator.
	 * @param validator validates the chain
	 * @param registry finds the operator of a validated certificate
	 * @return the manager, without an event publisher (set one to publish outcomes)
	 */
	public static ProviderManager create(CertificateValidator validator, OperatorRegistry registry) {
		return new ProviderManager(new MtlsAuthenticationProvider(validator, new OperatorResolver(registry)));
	}

}
