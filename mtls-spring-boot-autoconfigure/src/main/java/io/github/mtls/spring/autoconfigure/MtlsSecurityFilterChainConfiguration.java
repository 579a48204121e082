package io.github.mtls.spring.autoconfigure;

import org.springframework.boot.security.autoconfigure.web.servlet.ConditionalOnDefaultWebSecurity;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

import io.github.mtls.spring.security.MtlsConfigurer;

/**
 * The default security filter chain, when the application declares none: stateless, no
 * CSRF (MyData's POSTs carry no token), no form or basic login, client certificate
 * authentication and the access rules, and Spring Security's resource server when the
 * application has a {@code JwtDecoder} or {@code OpaqueTokenIntrospector} bean. Boot's
 * default, management and resource-server chains back off.
 *
 * @author mtls-spring-boot
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnDefaultWebSecurity
class MtlsSecurityFilterChainConfiguration {

	@Bean
	@Order(SecurityFilterProperties.BASIC_AUTH_ORDER)
	SecurityFilterChain mtlsSecurityFilterChain(HttpSecurity http, ApplicationContext context) throws Exception {
		http.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.formLogin((form) -> form.disable())
			.httpBasic((basic) -> basic.disable())
			.requestCache((cache) -> cache.disable())
			.with(MtlsConfigurer.mtls(), Customizer.withDefaults());
		DefaultChainResourceServer.apply(http, context);
		return http.build();
	}

}
