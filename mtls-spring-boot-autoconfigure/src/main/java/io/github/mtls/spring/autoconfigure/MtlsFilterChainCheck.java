package io.github.mtls.spring.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.web.SecurityFilterChain;

import io.github.mtls.spring.security.MtlsAuthenticationFilter;

/**
 * Warns at startup when no security filter chain authenticates client certificates, as
 * happens when an application declares its own chain and forgets
 * {@code http.with(MtlsConfigurer.mtls(),
 * withDefaults())}.
 *
 * @author mtls-spring-boot
 */
final class MtlsFilterChainCheck implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(MtlsFilterChainCheck.class);

	private final ObjectProvider<SecurityFilterChain> chains;

	MtlsFilterChainCheck(ObjectProvider<SecurityFilterChain> chains) {
		this.chains = chains;
	}

	@Override
	public void afterSingletonsInstantiated() {
		boolean applied = this.chains.orderedStream()
			.anyMatch((chain) -> chain.getFilters().stream().anyMatch(MtlsAuthenticationFilter.class::isInstance));
		if (!applied) {
			logger.warn("No SecurityFilterChain authenticates client certificates: apply the starter to your chain "
					+ "with http.with(MtlsConfigurer.mtls(), Customizer.withDefaults())");
		}
	}

}
