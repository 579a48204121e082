package io.github.mtls.spring.autoconfigure;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import io.github.mtls.spring.observability.MtlsAuditListener;
import io.github.mtls.spring.security.AccessRulesAuthorizationManagerFactory;
import io.github.mtls.spring.security.BodylessMethodsFilter;
import io.github.mtls.spring.security.ManagementEndpoints;
import io.github.mtls.spring.security.MtlsConfigurer;
import io.github.mtls.spring.security.MtlsErrorWriter;
import io.github.mtls.spring.tranid.TranIdFilter;

/**
 * Auto-configuration of mutual-TLS client certificate authentication for servlet web
 * applications: trust anchors, validator, operator registry, certificate source, access
 * rules, error responses, {@code x-api-tran-id} echo and audit, and a default security
 * filter chain when the application declares none.
 *
 * @author mtls-spring-boot
 */
@AutoConfiguration(after = SslAutoConfiguration.class,
		afterName = "org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration",
		beforeName = {
				"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
				"org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration" })
@ConditionalOnBooleanProperty(name = "mtls.enabled", matchIfMissing = true)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ HttpSecurity.class, SecurityFilterChain.class })
@EnableConfigurationProperties(MtlsProperties.class)
@Import({ MtlsValidationConfiguration.class, ForwardedCertificateConfiguration.class,
		MtlsSecurityFilterChainConfiguration.class, MtlsMyDataConfiguration.class, MtlsErrorsConfiguration.class,
		MtlsManagementEndpointsConfiguration.class, MtlsAuthenticationManagerConfiguration.class,
		MtlsPartnerPortConfiguration.class })
public final class MtlsAutoConfiguration {

	/**
	 * Order of the {@code x-api-tran-id} filter: before Spring Security's chain (-100).
	 */
	public static final int TRAN_ID_FILTER_ORDER = -110;

	MtlsAutoConfiguration() {
	}

	@Bean(name = MtlsConfigurer.ACCESS_RULES_BEAN_NAME)
	@ConditionalOnMissingBean(name = MtlsConfigurer.ACCESS_RULES_BEAN_NAME)
	AuthorizationManager<RequestAuthorizationContext> mtlsAccessRules(MtlsProperties properties,
			ObjectProvider<PathPatternRequestMatcher.Builder> matchers,
			ObjectProvider<ManagementEndpoints> managementEndpoints, Environment environment) {
		AccessRulesAuthorizationManagerFactory factory = new AccessRulesAuthorizationManagerFactory(
				matchers.getIfAvailable(PathPatternRequestMatcher::withDefaults));
		factory.setUnmatchedRequests(properties.unmatchedRequests());
		factory.setManagementEndpoints(managementEndpoints.getIfAvailable());
		factory.setErrorPath(environment.getProperty("server.error.path", "/error"));
		return factory.create(ConfiguredAccessRules.toAccessRules(properties.accessRules(),
				ConfiguredLists.sourceOf(environment, "mtls.access-rules")));
	}

	@Bean
	@ConditionalOnMissingBean(name = "mtlsBodylessMethodsFilterRegistration")
	FilterRegistrationBean<BodylessMethodsFilter> mtlsBodylessMethodsFilterRegistration(MtlsErrorWriter errorWriter) {
		FilterRegistrationBean<BodylessMethodsFilter> registration = new FilterRegistrationBean<>(
				new BodylessMethodsFilter(errorWriter));
		// Before the tran-id echo and Spring Security: nothing runs for such a request.
		registration.setOrder(TRAN_ID_FILTER_ORDER - 10);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	@Bean
	@ConditionalOnMissingBean(name = "mtlsTranIdFilterRegistration")
	FilterRegistrationBean<TranIdFilter> mtlsTranIdFilterRegistration() {
		FilterRegistrationBean<TranIdFilter> registration = new FilterRegistrationBean<>(new TranIdFilter());
		registration.setOrder(TRAN_ID_FILTER_ORDER);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
		return registration;
	}

	@Bean
	@ConditionalOnMissingBean
	MtlsAuditListener mtlsAuditListener() {
		return new MtlsAuditListener();
	}

	@Bean
	MtlsBackgroundScheduler mtlsBackgroundScheduler() {
		return new MtlsBackgroundScheduler();
	}

	@Bean
	static MtlsUnknownPropertiesCheck mtlsUnknownPropertiesCheck(Environment environment) {
		return new MtlsUnknownPropertiesCheck(environment);
	}

	@Bean
	static SmartInitializingSingleton mtlsFilterChainCheck(ObjectProvider<SecurityFilterChain> chains) {
		return new MtlsFilterChainCheck(chains);
	}

}
