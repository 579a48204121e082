package io.github.mtls.spring.security;

import jakarta.servlet.Filter;

import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Creates the {@link MyDataCallFilter} behind a plain {@link Filter}, so that the
 * configurer loads no resource-server type where Spring Security's resource server is
 * absent.
 *
 * @author mtls-spring-boot
 */
final class MyDataCallFilters {

	private MyDataCallFilters() {
	}

	static Filter create(MtlsErrorWriter errorWriter, AccessTokenBinding binding,
			SecurityContextHolderStrategy securityContextHolderStrategy) {
		MyDataCallFilter filter = new MyDataCallFilter(errorWriter, binding);
		filter.setSecurityContextHolderStrategy(securityContextHolderStrategy);
		return filter;
	}

}
