package io.github.mtls.spring.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.util.Assert;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.mydata.MyDataOperator;

/**
 * Joins the two credentials of a MyData call once both authentication filters have run:
 * Spring Security's bearer token filter replaces the authentication in the context, so
 * the operator the {@link MtlsAuthenticationFilter} authenticated would otherwise be lost
 * to the access rules and the application. Placed before authorization, whichever of the
 * two filters ran last, it puts a {@link MyDataCallAuthentication} in the context: the
 * operator as principal, the token reachable from it, their grants apart.
 * <p>
 * Used only where Spring Security's resource server is on the class path; a chain without
 * a bearer token authentication is left exactly as it was.
 *
 * @author mtls-spring-boot
 */
final class MyDataCallFilter extends OncePerRequestFilter {

	// A request attribute because it is read by another filter: the
	// MtlsAuthenticationFilter, around the rest of the chain, answers a fault of the
	// authentication filters only if the request never got here.
	private static final String REACHED_ATTRIBUTE = MyDataCallFilter.class.getName() + ".REACHED";

	private final MtlsErrorWriter errorWriter;

	private final AccessTokenBinding binding;

	private SecurityContextHolderStrategy securityContextHolderStrategy = SecurityContextHolder
		.getContextHolderStrategy();

	private final SecurityContextRepository securityContextRepository = new RequestAttributeSecurityContextRepository();

	MyDataCallFilter(MtlsErrorWriter errorWriter, AccessTokenBinding binding) {
		Assert.notNull(errorWriter, "errorWriter cannot be null");
		Assert.notNull(binding, "binding cannot be null");
		this.errorWriter = errorWriter;
		this.binding = binding;
	}

	void setSecurityContextHolderStrategy(SecurityContextHolderStrategy securityContextHolderStrategy) {
		Assert.notNull(securityContextHolderStrategy, "securityContextHolderStrategy cannot be null");
		this.securityContextHolderStrategy = securityContextHolderStrategy;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain filterChain)
			throws ServletException, IOException {
		request.setAttribute(REACHED_ATTRIBUTE, Boolean.TRUE);
		Authentication current = this.securityContextHolderStrategy.getContext().getAuthentication();
		MtlsAuthenticationToken certificate = MtlsAuthenticationFilter.certificateOf(request);
		AbstractOAuth2TokenAuthenticationToken<?> token = accessToken(current, request);
		if (certificate == null && token != null && AccessTokenBinding.namesCertificate(token.getTokenAttributes())) {
			// Bound to a certificate, presented with none the starter authenticated:
			// behind
			// a proxy the TLS peer's own certificate must not stand in for the caller's.
			this.securityContextHolderStrategy.clearContext();
			this.errorWriter.write(request, response, MtlsReason.TOKEN_NOT_BOUND, null, List.of());
			return;
		}
		if (certificate != null && token != null) {
			MyDataOperator operator = (MyDataOperator) certificate.getPrincipal();
			if (!this.binding.binds(token.getTokenAttributes(), operator)
					|| !AccessTokenBinding.confirms(token.getTokenAttributes(), certificate.getCredentials())) {
				this.securityContextHolderStrategy.clearContext();
				this.errorWriter.write(request, response, MtlsReason.TOKEN_NOT_BOUND, operator.certificateFingerprint(),
						operator.orgCodes());
				return;
			}
			MyDataCallAuthentication call = combine(certificate, token);
			SecurityContext context = this.securityContextHolderStrategy.createEmptyContext();
			context.setAuthentication(call);
			this.securityContextHolderStrategy.setContext(context);
			this.securityContextRepository.saveContext(context, request, response);
		}
		filterChain.doFilter(request, response);
	}

	/**
	 * Whether the request got as far as this filter, past every authentication filter of
	 * the chain.
	 * @param request the request
	 * @return {@code true} once this filter has run for the request
	 */
	static boolean isReached(HttpServletRequest request) {
		return request.getAttribute(REACHED_ATTRIBUTE) != null;
	}

	private static @Nullable AbstractOAuth2TokenAuthenticationToken<?> accessToken(@Nullable Authentication current,
			HttpServletRequest request) {
		if (current instanceof AbstractOAuth2TokenAuthenticationToken<?> token && token.isAuthenticated()) {
			// The bearer filter ran last.
			return token;
		}
		if (current instanceof MtlsAuthenticationToken
				&& MtlsAuthenticationFilter
					.precedingAuthenticationOf(request) instanceof AbstractOAuth2TokenAuthenticationToken<?> token
				&& token.isAuthenticated()) {
			// The certificate filter ran last and replaced the token.
			return token;
		}
		return null;
	}

	static MyDataCallAuthentication combine(MtlsAuthenticationToken certificate,
			AbstractOAuth2TokenAuthenticationToken<?> token) {
		Map<String, Object> attributes = new LinkedHashMap<>(token.getTokenAttributes());
		attributes.values().removeIf((value) -> value == null);
		Set<String> scopes = scopes(attributes);
		Map<String, GrantedAuthority> authorities = new LinkedHashMap<>();
		for (GrantedAuthority authority : certificate.getAuthorities()) {
			authorities.putIfAbsent(authority.getAuthority(), authority);
		}
		for (GrantedAuthority authority : token.getAuthorities()) {
			String name = authority.getAuthority();
			// SCOPE_ authorities are the operator's: a token's scope is granted as
			// TOKEN_SCOPE_ below, never as an operator scope. (The bearer filter also
			// copies the certificate's authorities into the token's.)
			if (name != null && !name.startsWith(MtlsAuthenticationProvider.SCOPE_PREFIX)) {
				authorities.putIfAbsent(name, authority);
			}
		}
		for (String scope : scopes) {
			String name = MyDataCallAuthentication.TOKEN_SCOPE_PREFIX + scope;
			authorities.putIfAbsent(name, new SimpleGrantedAuthority(name));
		}
		return new MyDataCallAuthentication(certificate, token, attributes, scopes,
				new ArrayList<>(authorities.values()));
	}

	/**
	 * The token's scopes, from {@code scope} (space separated or a list) or {@code scp},
	 * as Spring Security's own converters read them.
	 * @param attributes the token's claims
	 * @return the scopes, in claim order
	 */
	private static Set<String> scopes(Map<String, Object> attributes) {
		Set<String> scopes = new LinkedHashSet<>();
		for (String claim : List.of("scope", "scp")) {
			Object value = attributes.get(claim);
			if (value instanceof String text) {
				// RFC 6749 3.3: scope tokens are separated by single spaces, nothing
				// else;
				// a tab or a control character stays part of a token that then matches
				// none.
				for (String scope : text.split(" ")) {
					if (!scope.isEmpty()) {
						scopes.add(scope);
					}
				}
			}
			else if (value instanceof Collection<?> values) {
				values.forEach((scope) -> scopes.add(String.valueOf(scope)));
			}
			if (!scopes.isEmpty()) {
				break;
			}
		}
		return scopes;
	}

}
