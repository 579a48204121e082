package io.github.mtls.spring.security;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;

/**
 * One access rule: requests matching a path pattern and, optionally, methods are either
 * open to anyone or need an operator holding all the given scopes and, optionally, an
 * access token carrying all the given token scopes.
 *
 * @param path a {@code PathPattern} below the context path, such as {@code /v2/bank/**}
 * @param methods the methods the rule applies to; empty means any
 * @param scopes the scopes required, all of them
 * @param permitAll whether anyone may call, with or without a certificate
 * @param industries industries of which the operator must hold at least one org code;
 * empty means any
 * @param orgTypes org types of which the operator must hold at least one org code; empty
 * means any
 * @param tokenScopes the scopes the call's access token must all carry (the customer's
 * consent); empty requires no token
 * @author mtls-spring-boot
 */
public record AccessRule(String path, List<HttpMethod> methods, List<String> scopes, boolean permitAll,
		List<String> industries, List<String> orgTypes, List<String> tokenScopes) {

	/**
	 * Create a rule that names no industries or org types.
	 * @param path the path pattern
	 * @param methods the methods; empty means any
	 * @param scopes the scopes required, all of them
	 * @param permitAll whether anyone may call
	 */
	public AccessRule(String path, List<HttpMethod> methods, List<String> scopes, boolean permitAll) {
		this(path, methods, scopes, permitAll, List.of(), List.of(), List.of());
	}

	/**
	 * Create a rule that requires no access token.
	 * @param path the path pattern
	 * @param methods the methods; empty means any
	 * @param scopes the scopes required, all of them
	 * @param permitAll whether anyone may call
	 * @param industries the industries, one required; empty means any
	 * @param orgTypes the org types, one required; empty means any
	 */
	public AccessRule(String path, List<HttpMethod> methods, List<String> scopes, boolean permitAll,
			List<String> industries, List<String> orgTypes) {
		this(path, methods, scopes, permitAll, industries, orgTypes, List.of());
	}

	public AccessRule {
		Assert.hasText(path, "path cannot be empty");
		methods = List.copyOf(methods);
		scopes = List.copyOf(scopes);
		industries = List.copyOf(industries);
		orgTypes = List.copyOf(orgTypes);
		tokenScopes = List.copyOf(tokenScopes);
		Assert.isTrue(!(permitAll && !tokenScopes.isEmpty()), "A permit-all rule cannot require token scopes");
		Assert.isTrue(!(permitAll && !scopes.isEmpty()), "A permit-all rule cannot require scopes");
		Assert.isTrue(!(permitAll && !(industries.isEmpty() && orgTypes.isEmpty())),
				"A permit-all rule cannot require industries or org types");
	}

}
