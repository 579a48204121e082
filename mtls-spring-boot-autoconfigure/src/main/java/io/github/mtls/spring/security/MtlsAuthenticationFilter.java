package io.github.mtls.spring.security;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.web.authentication.AuthenticationFilter;

/**
 * The starter's authentication filter, placed at the {@code X509AuthenticationFilter}
 * position. A named subtype of {@link AuthenticationFilter} so that its presence in a
 * chain can be told.
 *
 * @author mtls-spring-boot
 */
public final class MtlsAuthenticationFilter extends AuthenticationFilter {

	/**
	 * Create a filter.
	 * @param authenticationManager authenticates {@link MtlsAuthenticationToken}s
	 * @param converter reads the request's certificate chain
	 */
	public MtlsAuthenticationFilter(AuthenticationManager authenticationManager,
			MtlsAuthenticationConverter converter) {
		super(authenticationManager, converter);
		// The default success handler redirects; authentication here only sets the
		// context.
		setSuccessHandler((request, response, authentication) -> {
		});
	}

}
