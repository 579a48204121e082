package io.github.mtls.spring.benchmarks.baseline;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code x509()} as its reference documentation shows it: the subject's CN (the default
 * {@code subjectPrincipalRegex}) looked up in a {@link UserDetailsService} that knows the
 * development PKI's operator, every request authenticated. Stateless, as the starter's
 * own filter chain is, so that neither side creates an HTTP session per request.
 *
 * @author mtls-spring-boot
 */
@Configuration(proxyBeanMethods = false)
class BaselineSecurityConfiguration {

	@Bean
	SecurityFilterChain baselineFilterChain(HttpSecurity http, UserDetailsService users) {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.x509((x509) -> x509.userDetailsService(users))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	/**
	 * The one operator of the development PKI ({@code dev-pki/operator.*}), by its
	 * subject CN.
	 * @param operatorCn the operator certificate's CN
	 * @return the users
	 */
	@Bean
	UserDetailsService users(@Value("${baseline.operator-cn}") String operatorCn) {
		return new InMemoryUserDetailsManager(
				User.withUsername(operatorCn).password("{noop}unused").authorities("bank.list").build());
	}

}
