package io.github.mtls.spring.security;

import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authorization.AllAuthoritiesAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;

import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.mydata.MyDataOperator;

/**
 * Grants access to an authenticated {@link MyDataOperator} holding every required scope
 * ({@code SCOPE_<scope>} authorities, checked by
 * {@link AllAuthoritiesAuthorizationManager}) and, when asked, an org code in one of the
 * given industries and one of the given org types. A missing scope, industry or org type
 * is denied with {@link MtlsReason#SCOPE_NOT_GRANTED}: like a scope, it tells which APIs
 * the operator may call at all.
 * <p>
 * Token scopes are the customer's consent, granted apart: when some are required, the
 * call must carry an access token as well ({@link MyDataCallAuthentication}, else
 * {@link MtlsReason#TOKEN_REQUIRED}) holding every one of them
 * ({@code TOKEN_SCOPE_<scope>} authorities, else
 * {@link MtlsReason#TOKEN_SCOPE_NOT_GRANTED}).
 *
 * @param <T> the secured object type
 * @author mtls-spring-boot
 */
public final class OperatorAuthorizationManager<T> implements AuthorizationManager<T> {

	private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);

	private static final AuthorizationDecision NOT_AN_OPERATOR = new MtlsAuthorizationDecision(
			MtlsReason.NO_CERTIFICATE);

	private static final AuthorizationDecision SCOPE_NOT_GRANTED = new MtlsAuthorizationDecision(
			MtlsReason.SCOPE_NOT_GRANTED);

	private static final AuthorizationDecision TOKEN_REQUIRED = new MtlsAuthorizationDecision(
			MtlsReason.TOKEN_REQUIRED);

	private static final AuthorizationDecision TOKEN_SCOPE_NOT_GRANTED = new MtlsAuthorizationDecision(
			MtlsReason.TOKEN_SCOPE_NOT_GRANTED);

	private final List<String> scopes;

	private final @Nullable AllAuthoritiesAuthorizationManager<T> scopeAuthorities;

	private final List<String> industries;

	private final List<String> orgTypes;

	private final List<String> tokenScopes;

	private final @Nullable AllAuthoritiesAuthorizationManager<T> tokenScopeAuthorities;

	private final boolean tokenRequired;

	private OperatorAuthorizationManager(List<String> scopes) {
		this(scopes, List.of(), List.of(), List.of(), false);
	}

	private OperatorAuthorizationManager(List<String> scopes, List<String> industries, List<String> orgTypes,
			List<String> tokenScopes, boolean tokenRequired) {
		this.tokenRequired = tokenRequired || !tokenScopes.isEmpty();
		this.tokenScopes = List.copyOf(tokenScopes);
		this.tokenScopeAuthorities = this.tokenScopes.isEmpty() ? null
				: AllAuthoritiesAuthorizationManager.hasAllAuthorities(this.tokenScopes.stream()
					.map((scope) -> MyDataCallAuthentication.TOKEN_SCOPE_PREFIX + scope)
					.toList());
		this.industries = List.copyOf(industries);
		this.orgTypes = List.copyOf(orgTypes);
		this.scopes = List.copyOf(scopes);
		this.scopeAuthorities = this.scopes.isEmpty() ? null : AllAuthoritiesAuthorizationManager.hasAllAuthorities(
				this.scopes.stream().map((scope) -> MtlsAuthenticationProvider.SCOPE_PREFIX + scope).toList());
	}

	/**
	 * Require an authenticated operator.
	 * @param <T> the secured object type
	 * @return the manager
	 */
	public static <T> OperatorAuthorizationManager<T> operator() {
		return new OperatorAuthorizationManager<>(List.of());
	}

	/**
	 * Require an authenticated operator holding all the given scopes.
	 * @param <T> the secured object type
	 * @param scopes the scopes, such as {@code bank.list}
	 * @return the manager
	 */
	public static <T> OperatorAuthorizationManager<T> operatorWithScopes(List<String> scopes) {
		return new OperatorAuthorizationManager<>(scopes);
	}

	/**
	 * Require an authenticated operator holding all the given scopes, an org code in one
	 * of the given industries and one in one of the given org types.
	 * @param <T> the secured object type
	 * @param scopes the scopes, all required; empty requires none
	 * @param industries the industries, one required; empty means any
	 * @param orgTypes the org types, one required; empty means any
	 * @return the manager
	 */
	public static <T> OperatorAuthorizationManager<T> operatorWith(List<String> scopes, List<String> industries,
			List<String> orgTypes) {
		return new OperatorAuthorizationManager<>(scopes, industries, orgTypes, List.of(), false);
	}

	/**
	 * Require an authenticated operator as {@link #operatorWith(List, List, List)} does,
	 * calling with an access token that carries all the given token scopes.
	 * @param <T> the secured object type
	 * @param scopes the operator's scopes, all required; empty requires none
	 * @param industries the industries, one required; empty means any
	 * @param orgTypes the org types, one required; empty means any
	 * @param tokenScopes the token's scopes, all required; empty requires no token
	 * @return the manager
	 */
	public static <T> OperatorAuthorizationManager<T> operatorWith(List<String> scopes, List<String> industries,
			List<String> orgTypes, List<String> tokenScopes) {
		return new OperatorAuthorizationManager<>(scopes, industries, orgTypes, tokenScopes, false);
	}

	/**
	 * Require an authenticated operator calling with an access token that carries all the
	 * given token scopes.
	 * @param <T> the secured object type
	 * @param tokenScopes the token's scopes, such as {@code bank.list}; empty requires a
	 * token with any scopes
	 * @return the manager
	 */
	public static <T> OperatorAuthorizationManager<T> operatorWithTokenScopes(List<String> tokenScopes) {
		return new OperatorAuthorizationManager<>(List.of(), List.of(), List.of(), tokenScopes, true);
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, T object) {
		Authentication current = authentication.get();
		if (current == null || !current.isAuthenticated()
				|| !(current.getPrincipal() instanceof MyDataOperator operator)) {
			return NOT_AN_OPERATOR;
		}
		if (!this.industries.isEmpty() && this.industries.stream().noneMatch(operator.industries()::contains)) {
			return SCOPE_NOT_GRANTED;
		}
		if (!this.orgTypes.isEmpty() && this.orgTypes.stream().noneMatch(operator.orgTypes()::contains)) {
			return SCOPE_NOT_GRANTED;
		}
		if (this.scopeAuthorities != null && !this.scopeAuthorities.authorize(() -> current, object).isGranted()) {
			return SCOPE_NOT_GRANTED;
		}
		if (!this.tokenRequired) {
			return GRANTED;
		}
		if (!(current instanceof MyDataCallAuthentication)) {
			return TOKEN_REQUIRED;
		}
		if (this.tokenScopeAuthorities != null
				&& !this.tokenScopeAuthorities.authorize(() -> current, object).isGranted()) {
			return TOKEN_SCOPE_NOT_GRANTED;
		}
		return GRANTED;
	}

	@Override
	public String toString() {
		return "OperatorAuthorizationManager[scopes=" + this.scopes + ", industries=" + this.industries + ", orgTypes="
				+ this.orgTypes + ", tokenScopes=" + this.tokenScopes + "]";
	}

}
