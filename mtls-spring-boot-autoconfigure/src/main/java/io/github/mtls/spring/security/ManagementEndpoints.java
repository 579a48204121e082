package io.github.mtls.spring.security;

import java.util.List;

import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.Assert;

/**
 * The management (Actuator) endpoints an operator's certificate must not reach unless an
 * access rule names them: a registered partner has no business reading {@code env},
 * {@code beans} or {@code metrics}, yet a catch-all rule or the default "any
 * authenticated operator" would let it. A rule names them when its path lies below one of
 * the given path prefixes (such as {@code /actuator}); rules that merely happen to match
 * them ({@code /**}) do not apply to these requests.
 *
 * @param requests matches the guarded endpoints' requests
 * @param pathPrefixes path prefixes below which a rule's path names the endpoints
 * @author mtls-spring-boot
 */
public record ManagementEndpoints(RequestMatcher requests, List<String> pathPrefixes) {

	public ManagementEndpoints {
		Assert.notNull(requests, "requests cannot be null");
		pathPrefixes = pathPrefixes.stream()
			.map((prefix) -> prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix)
			.filter((prefix) -> !prefix.isEmpty())
			.toList();
	}

	/**
	 * Whether a rule names the endpoints, so that it applies to them.
	 * @param rule the rule
	 * @return {@code true} when the rule's path is, or lies below, one of the prefixes
	 */
	public boolean isNamedBy(AccessRule rule) {
		String path = rule.path();
		for (String prefix : this.pathPrefixes) {
			if (path.equals(prefix) || path.startsWith(prefix + "/")) {
				return true;
			}
		}
		return false;
	}

}
