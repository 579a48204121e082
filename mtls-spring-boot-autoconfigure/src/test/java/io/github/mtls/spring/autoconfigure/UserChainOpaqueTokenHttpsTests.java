package io.github.mtls.spring.autoconfigure;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.client.support.BasicAuthenticationInterceptor;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.introspection.SpringOpaqueTokenIntrospector;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestTemplate;

import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.security.MtlsConfigurer;
import io.github.mtls.spring.security.MtlsRejectionEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real HTTPS with the user's chain: the starter through {@code MtlsConfigurer} and the
 * resource server's {@code opaqueToken(...)} with the application's own
 * {@code SpringOpaqueTokenIntrospector} of a real local introspection endpoint, as a
 * provider that sets its own timeouts writes it.
 */
@SpringBootTest(classes = { TestApplication.class, OpaqueTokenCallContract.CallBeans.class,
		UserChainOpaqueTokenHttpsTests.OpaqueTokenChain.class }, webEnvironment = WebEnvironment.RANDOM_PORT)
class UserChainOpaqueTokenHttpsTests implements OpaqueTokenCallContract {

	static final IntrospectionEndpoint endpoint = OpaqueTokenCallContract.withTokens(IntrospectionEndpoint.start());

	@LocalServerPort
	int port;

	@Autowired
	ResourceServerHttpsTests.RecordedRefusals refusals;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		Properties.register(registry, TestPki.serverSsl("client-ca.p12"));
		Properties.register(registry, TestApplication.OPERATORS);
		Properties.register(registry, PROPERTIES);
	}

	@AfterAll
	static void stopEndpoint() {
		endpoint.close();
	}

	@Override
	public int port() {
		return this.port;
	}

	@Override
	public List<MtlsRejectionEvent> refusals() {
		return this.refusals;
	}

	@Test
	void getWhenIntrospectionEndpointStallsThenInvalidTokenNotAServerError() {
		// The introspector's read timeout ends the wait; the answer is the MyData body.
		HttpResponse<String> response = send(TestPki.registered, "/refused/endpoint-stalled",
				IntrospectionEndpoint.STALLED);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(INVALID_TOKEN);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
		assertRefused("/refused/endpoint-stalled", MtlsReason.TOKEN_INVALID, TestPki.registered);
	}

	@Configuration(proxyBeanMethods = false)
	static class OpaqueTokenChain {

		@Bean
		SecurityFilterChain api(HttpSecurity http) throws Exception {
			http.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.csrf((csrf) -> csrf.disable())
				.with(MtlsConfigurer.mtls(), Customizer.withDefaults())
				.oauth2ResourceServer((resourceServer) -> resourceServer
					.opaqueToken((opaqueToken) -> opaqueToken.introspector(introspector())));
			return http.build();
		}

		private static SpringOpaqueTokenIntrospector introspector() {
			SimpleClientHttpRequestFactory requestFactory = new SimpleClientHttpRequestFactory();
			requestFactory.setConnectTimeout(Duration.ofSeconds(2));
			requestFactory.setReadTimeout(Duration.ofSeconds(2));
			RestTemplate rest = new RestTemplate(requestFactory);
			rest.getInterceptors()
				.add(new BasicAuthenticationInterceptor(IntrospectionEndpoint.CLIENT_ID,
						IntrospectionEndpoint.CLIENT_SECRET));
			return new SpringOpaqueTokenIntrospector(endpoint.uri(), rest);
		}

	}

}
