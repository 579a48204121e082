package io.github.mtls.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.http.HttpMethod;
import org.springframework.util.StringUtils;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

import io.github.mtls.spring.security.AccessRule;

/**
 * Turns {@code mtls.access-rules} into {@link AccessRule}s, failing startup on the first
 * invalid value with the key that holds it, or on the first element without a path.
 *
 * @author mtls-spring-boot
 */
final class ConfiguredAccessRules {

	private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
			"TRACE");

	private ConfiguredAccessRules() {
	}

	static List<AccessRule> toAccessRules(List<MtlsProperties.AccessRule> rules, @Nullable String listSource) {
		List<AccessRule> accessRules = new ArrayList<>(rules.size());
		for (int i = 0; i < rules.size(); i++) {
			MtlsProperties.AccessRule rule = rules.get(i);
			String prefix = "mtls.access-rules[" + i + "].";
			String path = rule.path();
			if (path == null) {
				throw ConfiguredLists.missingField("mtls.access-rules", i, "path",
						"Every access rule needs a path pattern, such as /v2/bank/**.", listSource);
			}
			if (!StringUtils.hasText(path) || !path.startsWith("/")) {
				throw new InvalidConfigurationPropertyValueException(prefix + "path", path,
						"A path pattern starts with '/', such as /v2/bank/**.");
			}
			try {
				PathPatternParser.defaultInstance.parse(path);
			}
			catch (PatternParseException ex) {
				throw new InvalidConfigurationPropertyValueException(prefix + "path", path,
						"Not a valid path pattern ('**' is allowed only at the start or end): " + ex.getMessage());
			}
			List<HttpMethod> methods = new ArrayList<>();
			for (String method : rule.methods()) {
				String name = method.trim().toUpperCase(Locale.ROOT);
				if (!METHODS.contains(name)) {
					throw new InvalidConfigurationPropertyValueException(prefix + "methods", method,
							"Expected one of " + METHODS + ".");
				}
				methods.add(HttpMethod.valueOf(name));
			}
			if (rule.permitAll() && !rule.scopes().isEmpty()) {
				throw new InvalidConfigurationPropertyValueException(prefix + "permit-all", true,
						"A permit-all rule cannot also require scopes.");
			}
			if (rule.permitAll() && !(rule.industries().isEmpty() && rule.orgTypes().isEmpty())) {
				throw new InvalidConfigurationPropertyValueException(prefix + "permit-all", true,
						"A permit-all rule cannot also require industries or org-types.");
			}
			if (rule.permitAll() && !rule.tokenScopes().isEmpty()) {
				throw new InvalidConfigurationPropertyValueException(prefix + "permit-all", true,
						"A permit-all rule cannot also require token-scopes.");
			}
			accessRules.add(new AccessRule(path, methods, rule.scopes(), rule.permitAll(), trimmed(rule.industries()),
					trimmed(rule.orgTypes()), trimmed(rule.tokenScopes())));
		}
		return accessRules;
	}

	private static List<String> trimmed(List<String> values) {
		return values.stream().map(String::trim).filter(StringUtils::hasText).toList();
	}

}
