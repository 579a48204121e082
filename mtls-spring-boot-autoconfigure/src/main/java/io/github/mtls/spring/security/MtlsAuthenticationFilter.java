package io.github.mtls.spring.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationFilter;

import io.github.mtls.spring.source.ClientCertificate;
import io.github.mtls.spring.source.HeaderHidingRequestWrapper;

/**
 * The starter's authentication filter, placed at the {@code X509AuthenticationFilter}
 * position. A named subtype of {@link AuthenticationFilter} so that its presence in a
 * chain can be told. After a forwarded chain authenticates, it becomes the request's
 * {@code jakarta.servlet.request.X509Certificate} attribute (see
 * {@link ForwardedCertificateExposure}); the forwarded headers the source consumed, as
 * its {@link ClientCertificate} names them, are hidden from the rest of the chain and the
 * application.
 *
 * @author mtls-spring-boot
 */
public final class MtlsAuthenticationFilter extends AuthenticationFilter {

	// Request attributes only for state another filter reads later in the same request:
	// the MyDataCallFilter runs after the bearer token filter, which replaces the
	// authentication in the context, so neither the certificate authentication nor the
	// one it replaced can be handed to it as a value.
	private static final String CERTIFICATE_ATTRIBUTE = MtlsAuthenticationFilter.class.getName() + ".CERTIFICATE";

	private static final String PRECEDING_ATTRIBUTE = MtlsAuthenticationFilter.class.getName() + ".PRECEDING";

	private SecurityContextHolderStrategy securityContextHolderStrategy = SecurityContextHolder
		.getContextHolderStrategy();

	private @Nullable MtlsErrorWriter tokenFailureWriter;

	/**
	 * Create a filter.
	 * @param authenticationManager authenticates {@link MtlsAuthenticationToken}s
	 * @param converter reads the request's certificate chain
	 */
	public MtlsAuthenticationFilter(AuthenticationManager authenticationManager,
			MtlsAuthenticationConverter converter) {
		super(authenticationManager, new ResolvingConverter(converter));
		// The default success handler redirects; authentication here only sets the
		// context, and exposes a forwarded chain as the servlet attribute.
		// The certificate authentication is also kept for the MyDataCallFilter: a bearer
		// token filter after this one replaces it in the context.
		setSuccessHandler((request, response, authentication) -> {
			request.setAttribute(CERTIFICATE_ATTRIBUTE, authentication);
			ForwardedCertificateExposure.expose(request, authentication);
		});
	}

	/**
	 * Answer access tokens the rest of the chain refuses (a 401 with a
	 * {@code WWW-Authenticate: Bearer error=...} header and no body) with the MyData
	 * body, keeping the header; off by default.
	 * @param errorWriter writes the body
	 */
	public void setTokenFailureWriter(MtlsErrorWriter errorWriter) {
		this.tokenFailureWriter = errorWriter;
	}

	@Override
	public void setSecurityContextHolderStrategy(SecurityContextHolderStrategy securityContextHolderStrategy) {
		super.setSecurityContextHolderStrategy(securityContextHolderStrategy);
		this.securityContextHolderStrategy = securityContextHolderStrategy;
	}

	/**
	 * Return the certificate authentication this filter made for the request, if any.
	 * @param request the request
	 * @return the authenticated certificate, or {@code null}
	 */
	static @Nullable MtlsAuthenticationToken certificateOf(HttpServletRequest request) {
		return (request.getAttribute(CERTIFICATE_ATTRIBUTE) instanceof MtlsAuthenticationToken token
				&& token.isAuthenticated()) ? token : null;
	}

	/**
	 * Return the authentication that was in the context before this filter replaced it,
	 * as when a chain runs a bearer token filter first.
	 * @param request the request
	 * @return the earlier authentication, or {@code null}
	 */
	static @Nullable Authentication precedingAuthenticationOf(HttpServletRequest request) {
		return (request.getAttribute(PRECEDING_ATTRIBUTE) instanceof Authentication authentication) ? authentication
				: null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain filterChain)
			throws ServletException, IOException {
		Authentication preceding = this.securityContextHolderStrategy.getContext().getAuthentication();
		if (preceding != null && preceding.isAuthenticated()) {
			request.setAttribute(PRECEDING_ATTRIBUTE, preceding);
		}
		MtlsErrorWriter tokenFailureWriter = this.tokenFailureWriter;
		ResolvingRequest resolving = new ResolvingRequest(request);
		super.doFilterInternal(resolving, response, (nextRequest, nextResponse) -> {
			// The headers the source consumed, authenticated or not: a forwarded header
			// an untrusted peer sent must not reach the application either.
			Set<String> hidden = resolving.consumedHeaders();
			ServletRequest next = hidden.isEmpty() ? request : new HeaderHidingRequestWrapper(request, hidden);
			if (tokenFailureWriter == null) {
				filterChain.doFilter(next, nextResponse);
				return;
			}
			BearerTokenFailureResponse watched = new BearerTokenFailureResponse((HttpServletResponse) nextResponse);
			try {
				filterChain.doFilter(next, watched);
			}
			catch (RuntimeException ex) {
				if (watched.completeAuthenticationFault((HttpServletRequest) next, tokenFailureWriter, ex)) {
					return;
				}
				throw ex;
			}
			watched.completeTokenFailure((HttpServletRequest) next, tokenFailureWriter);
		});
	}

	/**
	 * The request as this filter hands it to the authentication, holding what the source
	 * resolved so that the rest of the chain hides the headers it consumed: the value is
	 * passed along with the request object this filter made, never through a request
	 * attribute, and the request the chain goes on with is the original one.
	 */
	private static final class ResolvingRequest extends HttpServletRequestWrapper {

		private @Nullable ClientCertificate certificate;

		ResolvingRequest(HttpServletRequest request) {
			super(request);
		}

		Set<String> consumedHeaders() {
			ClientCertificate certificate = this.certificate;
			return (certificate != null) ? certificate.consumedHeaders() : Set.of();
		}

	}

	/**
	 * Resolves the request's certificate once, keeps it on the {@link ResolvingRequest}
	 * and converts it; inside the authentication so that a refusal (or a custom source's
	 * exception) goes to the failure handler as before.
	 */
	private record ResolvingConverter(MtlsAuthenticationConverter converter) implements AuthenticationConverter {

		@Override
		public @Nullable Authentication convert(HttpServletRequest request) {
			ClientCertificate certificate = this.converter.resolve(request);
			if (request instanceof ResolvingRequest resolving) {
				resolving.certificate = certificate;
			}
			return this.converter.convert(request, certificate);
		}

	}

}
