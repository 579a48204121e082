package io.github.mtls.spring.security;

import java.util.List;

import jakarta.servlet.DispatcherType;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.preauth.x509.X509AuthenticationFilter;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.mydata.OperatorRegistry;
import io.github.mtls.spring.source.ClientAddressResolver;
import io.github.mtls.spring.source.ClientCertificateSource;
import io.github.mtls.spring.tranid.TranIdRequiredFilter;
import io.github.mtls.spring.tranid.TranIdRequirement;
import io.github.mtls.spring.validation.CertificateValidator;

/**
 * Applies client certificate authentication to a {@link HttpSecurity}: the
 * {@link MtlsAuthenticationFilter} at the {@code X509AuthenticationFilter} position,
 * MyData error responses for authentication failures and denials, and, where the chain
 * authorizes nothing itself, the {@code mtls.access-rules}. The collaborators are the
 * starter's beans.
 *
 * <pre class="code">
 * &#64;Bean
 * SecurityFilterChain api(HttpSecurity http) throws Exception {
 *     http.securityMatcher("/v2/**").with(MtlsConfigurer.mtls(), Customizer.withDefaults());
 *     return http.build();
 * }
 * </pre>
 *
 * @author mtls-spring-boot
 */
public final class MtlsConfigurer extends AbstractHttpConfigurer<MtlsConfigurer, HttpSecurity> {

	/**
	 * The bean name of the access rules' {@link AuthorizationManager}.
	 */
	public static final String ACCESS_RULES_BEAN_NAME = "mtlsAccessRules";

	private static final boolean RESOURCE_SERVER_PRESENT = ClassUtils.isPresent(
			"org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken",
			MtlsConfigurer.class.getClassLoader());

	private @Nullable AuthorizationManager<RequestAuthorizationContext> accessRules;

	private boolean authorizeRequests = true;

	private @Nullable Boolean requireTranId;

	/**
	 * Create a configurer; see {@link #mtls()}.
	 */
	public MtlsConfigurer() {
	}

	/**
	 * Return a new configurer, for
	 * {@code http.with(MtlsConfigurer.mtls(), withDefaults())}.
	 * @return the configurer
	 */
	public static MtlsConfigurer mtls() {
		return new MtlsConfigurer();
	}

	/**
	 * Use these access rules instead of the {@value #ACCESS_RULES_BEAN_NAME} bean.
	 * @param accessRules the authorization manager
	 * @return this configurer
	 */
	public MtlsConfigurer accessRules(AuthorizationManager<RequestAuthorizationContext> accessRules) {
		Assert.notNull(accessRules, "accessRules cannot be null");
		this.accessRules = accessRules;
		return this;
	}

	/**
	 * Whether to add the access rules when the chain has no request authorization of its
	 * own (the default); {@code false} leaves authorization entirely to the chain.
	 * @param authorizeRequests whether to add them
	 * @return this configurer
	 */
	public MtlsConfigurer authorizeRequests(boolean authorizeRequests) {
		this.authorizeRequests = authorizeRequests;
		return this;
	}

	/**
	 * Whether requests must carry a valid {@code x-api-tran-id}; by default what the
	 * {@link TranIdRequirement} bean says, and not required without one.
	 * @param requireTranId whether a valid id is required
	 * @return this configurer
	 */
	public MtlsConfigurer requireTranId(boolean requireTranId) {
		this.requireTranId = requireTranId;
		return this;
	}

	@Override
	public void init(HttpSecurity http) {
		MtlsErrorWriter errorWriter = bean(http, MtlsErrorWriter.class);
		MtlsAccessDeniedHandler accessDeniedHandler = new MtlsAccessDeniedHandler(errorWriter);
		accessDeniedHandler.setSecurityContextHolderStrategy(getSecurityContextHolderStrategy());
		http.exceptionHandling(
				(exceptions) -> exceptions.authenticationEntryPoint(new MtlsAuthenticationEntryPoint(errorWriter))
					.accessDeniedHandler(accessDeniedHandler));
		if (this.authorizeRequests && http.getConfigurer(AuthorizeHttpRequestsConfigurer.class) == null) {
			AuthorizationManager<RequestAuthorizationContext> rules = accessRules(http);
			http.authorizeHttpRequests((authorize) -> authorize.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				.anyRequest()
				.access(rules));
		}
	}

	@Override
	public void configure(HttpSecurity http) {
		ApplicationContext context = http.getSharedObject(ApplicationContext.class);
		ProviderManager authenticationManager = MtlsAuthenticationManagers
			.create(bean(http, CertificateValidator.class), bean(http, OperatorRegistry.class));
		context.getBeanProvider(AuthenticationEventPublisher.class)
			.ifAvailable(authenticationManager::setAuthenticationEventPublisher);
		MtlsAuthenticationConverter converter = new MtlsAuthenticationConverter(
				bean(http, ClientCertificateSource.class));
		context.getBeanProvider(ClientAddressResolver.class).ifAvailable(converter::setClientAddressResolver);
		MtlsAuthenticationFilter filter = new MtlsAuthenticationFilter(authenticationManager, converter);
		filter.setFailureHandler(new AuthenticationEntryPointFailureHandler(
				new MtlsAuthenticationEntryPoint(bean(http, MtlsErrorWriter.class))));
		filter.setSecurityContextHolderStrategy(getSecurityContextHolderStrategy());
		http.addFilterAt(postProcess(filter), X509AuthenticationFilter.class);
		if (RESOURCE_SERVER_PRESENT) {
			filter.setTokenFailureWriter(bean(http, MtlsErrorWriter.class));
			// Before authorization, so that it sees the context whichever authentication
			// filter ran last; the user's resource-server configuration is left as it is.
			AccessTokenBinding binding = context.getBeanProvider(AccessTokenBinding.class)
				.getIfAvailable(AccessTokenBinding::none);
			http.addFilterBefore(postProcess(MyDataCallFilters.create(bean(http, MtlsErrorWriter.class), binding,
					getSecurityContextHolderStrategy())), AuthorizationFilter.class);
		}
		if (isTranIdRequired(context)) {
			MtlsErrorWriter errorWriter = bean(http, MtlsErrorWriter.class);
			http.addFilterBefore(postProcess(new TranIdRequiredFilter((request, response) -> errorWriter.write(request,
					response, MtlsReason.TRAN_ID_INVALID, null, List.of()))), X509AuthenticationFilter.class);
		}
	}

	private boolean isTranIdRequired(ApplicationContext context) {
		if (this.requireTranId != null) {
			return this.requireTranId;
		}
		TranIdRequirement requirement = context.getBeanProvider(TranIdRequirement.class).getIfAvailable();
		return requirement != null && requirement.isRequired();
	}

	private AuthorizationManager<RequestAuthorizationContext> accessRules(HttpSecurity http) {
		if (this.accessRules != null) {
			return this.accessRules;
		}
		@SuppressWarnings("unchecked")
		AuthorizationManager<RequestAuthorizationContext> rules = http.getSharedObject(ApplicationContext.class)
			.getBean(ACCESS_RULES_BEAN_NAME, AuthorizationManager.class);
		return rules;
	}

	private static <T> T bean(HttpSecurity http, Class<T> type) {
		ApplicationContext context = http.getSharedObject(ApplicationContext.class);
		Assert.state(context != null, "MtlsConfigurer needs the ApplicationContext");
		return context.getBean(type);
	}

}
