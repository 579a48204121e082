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
 * {@link AllAuthoritiesAuthorizationManager}). A missing scope is denied with
 * {@link MtlsReason#SCOPE_NOT_GRANTED}.
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

	private final List<String> scopes;

	private final @Nullable AllAuthoritiesAuthorizationManager<T> scopeAuthorities;

	private OperatorAuthorizationManager(List<String> scopes) {
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

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, T object) {
		Authentication current = authentication.get();
		if (current == null || !current.isAuthenticated() || !(current.getPrincipal() instanceof MyDataOperator)) {
			return NOT_AN_OPERATOR;
		}
		if (this.scopeAuthorities == null) {
			return GRANTED;
		}
		return this.scopeAuthorities.authorize(() -> current, object).isGranted() ? GRANTED : SCOPE_NOT_GRANTED;
	}

	@Override
	public String toString() {
		return "OperatorAuthorizationManager[scopes=" + this.scopes + "]";
	}

}
