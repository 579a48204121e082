package io.github.mtls.spring.security;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.access.intercept.RequestMatcherDelegatingAuthorizationManager;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.Assert;

import io.github.mtls.spring.error.MtlsReason;

/**
 * Builds the {@link AuthorizationManager} of a list of {@link AccessRule}s: a
 * {@link RequestMatcherDelegatingAuthorizationManager} in which the first matching rule
 * wins. A rule that names {@code GET} also covers {@code HEAD}: Spring MVC answers HEAD
 * with the GET handler, so a GET-only rule would otherwise let HEAD run the handler under
 * whatever applies to unmatched requests. A request no rule matches needs an
 * authenticated operator, or is denied under {@link UnmatchedRequests#DENY}. When
 * {@link ManagementEndpoints} are set, only rules that name them apply to those requests,
 * and they are denied otherwise.
 *
 * @author mtls-spring-boot
 */
public final class AccessRulesAuthorizationManagerFactory {

	private static final AuthorizationManager<RequestAuthorizationContext> PERMIT_ALL = (authentication,
			context) -> new AuthorizationDecision(true);

	private static final AuthorizationManager<RequestAuthorizationContext> DENY_UNMATCHED = (authentication,
			context) -> new MtlsAuthorizationDecision(MtlsReason.NO_MATCHING_RULE);

	private static final AuthorizationManager<RequestAuthorizationContext> DENY_MANAGEMENT = (authentication,
			context) -> new MtlsAuthorizationDecision(MtlsReason.MANAGEMENT_ENDPOINT_DENIED);

	private final PathPatternRequestMatcher.Builder matchers;

	private UnmatchedRequests unmatchedRequests = UnmatchedRequests.AUTHENTICATED;

	private @Nullable ManagementEndpoints managementEndpoints;

	private @Nullable String errorPath;

	/**
	 * Create a factory.
	 * @param matchers builds path pattern matchers (Boot's bean knows the servlet path)
	 */
	public AccessRulesAuthorizationManagerFactory(PathPatternRequestMatcher.Builder matchers) {
		Assert.notNull(matchers, "matchers cannot be null");
		this.matchers = matchers;
	}

	/**
	 * Set what happens to requests no rule matches;
	 * {@link UnmatchedRequests#AUTHENTICATED} by default.
	 * @param unmatchedRequests the policy
	 */
	public void setUnmatchedRequests(UnmatchedRequests unmatchedRequests) {
		Assert.notNull(unmatchedRequests, "unmatchedRequests cannot be null");
		this.unmatchedRequests = unmatchedRequests;
	}

	/**
	 * Set the management endpoints that only rules naming them open; none by default.
	 * @param managementEndpoints the endpoints, or {@code null} for none
	 */
	public void setManagementEndpoints(@Nullable ManagementEndpoints managementEndpoints) {
		this.managementEndpoints = managementEndpoints;
	}

	/**
	 * Set the path of the error page ({@code server.error.path}). A request straight to
	 * it is denied (403 {@code 40301}) unless a rule names exactly that path, whatever
	 * {@code unmatched-requests} says and even under a catch-all rule: Boot's error
	 * controller called without an error answers 500. Error dispatches are not affected
	 * (the configurer permits them).
	 * @param errorPath the path, or {@code null} for none
	 */
	public void setErrorPath(@Nullable String errorPath) {
		this.errorPath = errorPath;
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
		ManagementEndpoints management = this.managementEndpoints;
		RequestMatcher managementRequests = (management != null) ? headAsGet(management.requests()) : null;
		String errorPath = this.errorPath;
		if (errorPath != null && rules.stream().noneMatch((rule) -> rule.path().equals(errorPath))) {
			// Before the rules: a catch-all such as /** does not open the error page.
			builder.add(this.matchers.matcher(errorPath), DENY_UNMATCHED);
		}
		for (AccessRule rule : rules) {
			AuthorizationManager<RequestAuthorizationContext> manager = rule.permitAll() ? PERMIT_ALL
					: OperatorAuthorizationManager.operatorWith(rule.scopes(), rule.industries(), rule.orgTypes(),
							rule.tokenScopes());
			for (RequestMatcher matcher : matchers(rule)) {
				if (management != null && managementRequests != null && !management.isNamedBy(rule)) {
					// A rule that does not name the management endpoints never opens
					// them.
					matcher = new AndRequestMatcher(matcher, new NegatedRequestMatcher(managementRequests));
				}
				builder.add(matcher, manager);
			}
		}
		if (managementRequests != null) {
			builder.add(managementRequests, DENY_MANAGEMENT);
		}
		builder.add(AnyRequestMatcher.INSTANCE, (this.unmatchedRequests == UnmatchedRequests.DENY) ? DENY_UNMATCHED
				: OperatorAuthorizationManager.operator());
		RequestMatcherDelegatingAuthorizationManager manager = builder.build();
		return (authentication, context) -> manager.authorize(authentication, context.getRequest());
	}

	/**
	 * Match HEAD requests as the GET they stand for: matchers such as Actuator's links
	 * page name GET only, and Spring MVC answers HEAD with the GET handler.
	 * @param matcher the matcher written for GET
	 * @return a matcher that also matches HEAD where {@code matcher} matches GET
	 */
	private static RequestMatcher headAsGet(RequestMatcher matcher) {
		return (request) -> matcher
			.matches(HttpMethod.HEAD.matches(request.getMethod()) ? new AsGet(request) : request);
	}

	private List<RequestMatcher> matchers(AccessRule rule) {
		if (rule.methods().isEmpty()) {
			return List.of(this.matchers.matcher(rule.path()));
		}
		List<HttpMethod> methods = new ArrayList<>(rule.methods());
		if (methods.contains(HttpMethod.GET) && !methods.contains(HttpMethod.HEAD)) {
			methods.add(HttpMethod.HEAD);
		}
		return methods.stream().map((method) -> (RequestMatcher) this.matchers.matcher(method, rule.path())).toList();
	}

	private static final class AsGet extends HttpServletRequestWrapper {

		AsGet(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getMethod() {
			return HttpMethod.GET.name();
		}

	}

}
