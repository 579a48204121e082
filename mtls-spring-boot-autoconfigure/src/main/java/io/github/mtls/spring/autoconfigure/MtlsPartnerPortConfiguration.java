package io.github.mtls.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StringUtils;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

import io.github.mtls.spring.security.MtlsErrorWriter;
import io.github.mtls.spring.security.PartnerPortPathsFilter;

/**
 * The paths served on the partner port only ({@code mtls.connector.paths}): a servlet
 * filter before Spring Security's answers them 404 40401 on the main port. Patterns that
 * do not parse fail startup, naming the key.
 *
 * @author mtls-spring-boot
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("mtls.connector.port")
class MtlsPartnerPortConfiguration {

	/**
	 * Order of the partner-port paths filter: after the {@code x-api-tran-id} echo, so
	 * the refusal carries it, and before Spring Security's chain (-100).
	 */
	static final int PARTNER_PORT_PATHS_FILTER_ORDER = MtlsAutoConfiguration.TRAN_ID_FILTER_ORDER + 5;

	@Bean
	@ConditionalOnMissingBean(name = "mtlsPartnerPortPathsFilterRegistration")
	FilterRegistrationBean<PartnerPortPathsFilter> mtlsPartnerPortPathsFilterRegistration(MtlsProperties properties,
			MtlsErrorWriter errorWriter, ObjectProvider<PathPatternRequestMatcher.Builder> matchers) {
		List<String> paths = properties.connector().paths();
		PathPatternRequestMatcher.Builder builder = matchers.getIfAvailable(PathPatternRequestMatcher::withDefaults);
		List<RequestMatcher> requestMatchers = new ArrayList<>(paths.size());
		for (int i = 0; i < paths.size(); i++) {
			String path = paths.get(i);
			String key = "mtls.connector.paths[" + i + "]";
			if (!StringUtils.hasText(path) || !path.startsWith("/")) {
				throw new InvalidConfigurationPropertyValueException(key, path,
						"A path pattern starts with '/', such as /v2/**.");
			}
			try {
				PathPatternParser.defaultInstance.parse(path);
			}
			catch (PatternParseException ex) {
				throw new InvalidConfigurationPropertyValueException(key, path,
						"Not a valid path pattern ('**' is allowed only at the start or end): " + ex.getMessage());
			}
			requestMatchers.add(builder.matcher(path));
		}
		FilterRegistrationBean<PartnerPortPathsFilter> registration = new FilterRegistrationBean<>(
				new PartnerPortPathsFilter(requestMatchers, errorWriter));
		registration.setOrder(PARTNER_PORT_PATHS_FILTER_ORDER);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		registration.setEnabled(!requestMatchers.isEmpty());
		return registration;
	}

}
