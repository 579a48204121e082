package io.github.mtls.spring.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.web.authentication.AuthenticationFilter;

import io.github.mtls.spring.source.ForwardedClientCertificateSource;
import io.github.mtls.spring.source.HeaderHidingRequestWrapper;

/**
 * The starter's authentication filter, placed at the {@code X509AuthenticationFilter}
 * position. A named subtype of {@link AuthenticationFilter} so that its presence in a
 * chain can be told. After a forwarded chain authenticates, it becomes the request's
 * {@code jakarta.servlet.request.X509Certificate} attribute (see
 * {@link ForwardedCertificateExposure}); the forwarded headers the source consumed are
 * hidden from the rest of the chain and the application.
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
		// context, and exposes a forwarded chain as the servlet attribute.
		setSuccessHandler(
				(request, response, authentication) -> ForwardedCertificateExposure.expose(request, authentication));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain filterChain)
			throws ServletException, IOException {
		super.doFilterInternal(request, response, (nextRequest, nextResponse) -> {
			Set<String> hidden = ForwardedClientCertificateSource.hiddenHeadersOf(request);
			filterChain.doFilter(hidden.isEmpty() ? nextRequest
					: new HeaderHidingRequestWrapper((HttpServletRequest) nextRequest, hidden), nextResponse);
		});
	}

}
