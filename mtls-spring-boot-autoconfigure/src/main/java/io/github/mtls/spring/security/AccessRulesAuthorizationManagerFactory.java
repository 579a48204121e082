package io.github.mtls.spring.security;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.access.intercept.RequestMatcherDelegatingAuthorizationManager;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.util.Assert;

/**
 * Builds the {@link AuthorizationManager} of a list of {@link AccessRule}s: a
 * {@link RequestMatcherDelegatingAuthorizationManager} in which the first matching rule
 * wins and a request no rule matches needs an authenticated operator.
 *
 * @author mtls-spring-boot
 */
public final class AccessRulesAuthorizationManagerFactory {

	private static final AuthorizationManager<RequestAuthorizationContext> PERMIT_ALL = (authentication,
			context) -> new AuthorizationDecision(true);

	private final PathPatternRequestMatcher.Builder matchers;

	/**
	 * Create a factory.
	 * @param matchers builds path pattern matchers (Boot's bean knows the servlet path)
	 */
	public AccessRulesAuthorizationManagerFactory(PathPatternRequestMatcher.Builder matchers) {
		Assert.notNull(matchers, "matchers cannot be null");
		this.matchers = matchers;
	}

	/**
	 * Build the manager of the rules.
	 * @param rules the rules, in order
	 * @return the manager
	 * @throws IllegalArgumentException if a path pattern does not parse
	 */
	public AuthorizationManager<RequestAuthorizationContext> create(List<AccessRule> rules) {
		RequestMatcherDelegatingAuthorizationManager.Builder builder = RequestMatcherDelegatingAuthorizationManager
			.builder();
		for (AccessRule rule : rules) {
			AuthorizationManager<RequestAuthorizationContext> manager = rule.permitAll() ? PERMIT_ALL
					: OperatorAuthorizationManager.operatorWith(rule.scopes(), rule.industries(), rule.orgTypes());
			if (rule.methods().isEmpty()) {
				builder.add(this.matchers.matcher(rule.path()), manager);
			}
			for (HttpMethod method : rule.methods()) {
				builder.add(this.matchers.matcher(method, rule.path()), manager);
			}
		}
		builder.add(AnyRequestMatcher.INSTANCE, OperatorAuthorizationManager.operator());
		RequestMatcherDelegatingAuthorizationManager manager = builder.build();
		return (authentication, context) -> manager.authorize(authentication, context.getRequest());
	}

}
