package io.github.mtls.spring.autoconfigure;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.security.MtlsConfigurer;
import io.github.mtls.spring.security.MtlsRejectionEvent;
import io.github.mtls.spring.security.OperatorAuthorizationManager;
import io.github.mtls.spring.test.pki.IssuedCertificate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real HTTPS with the user's chain authorizing requests itself
 * ({@code MtlsConfigurer.mtls().authorizeRequests(false)} and its own
 * {@code authorizeHttpRequests}) with {@link OperatorAuthorizationManager}'s token-scope
 * rules, beside the resource server: the customer's consent in the token and the
 * operator's registered scopes are demanded apart, with the MyData bodies and the real
 * reasons in the audit.
 */
@SpringBootTest(classes = { TestApplication.class, OperatorAuthorizationTokenScopesHttpsTests.OwnRulesChain.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
class OperatorAuthorizationTokenScopesHttpsTests {

	private static final String TOKEN_REQUIRED = "{\"rsp_code\":\"40101\",\"rsp_msg\":\"access token required\"}";

	private static final String TOKEN_SCOPE_NOT_GRANTED = "{\"rsp_code\":\"40104\",\"rsp_msg\":\"access token scope not granted\"}";

	@LocalServerPort
	int port;

	@Autowired
	ResourceServerHttpsTests.RecordedRefusals refusals;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		Properties.register(registry, TestPki.serverSsl("client-ca.p12"));
		Properties.register(registry, TestApplication.OPERATORS);
		Properties.register(registry, "mtls.client-auth=want");
	}

	@Test
	void getWhenTokenCarriesTheTokenScopeThenGranted() {
		HttpResponse<String> response = send(TestPki.registered, "/v2/consent/accounts", token("bank.list"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"rsp_code\":\"00000\"}");
	}

	@Test
	void getWhenTokenLacksTheTokenScopeThenRefusedWith40104() {
		HttpResponse<String> response = send(TestPki.registered, "/v2/consent/card-only", token("card.list"));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(TOKEN_SCOPE_NOT_GRANTED);
		assertRefused("/v2/consent/card-only", MtlsReason.TOKEN_SCOPE_NOT_GRANTED, TestPki.registered);
	}

	@Test
	void getWhenCertificateOnlyOnATokenScopeRuleThenTokenRequired() {
		HttpResponse<String> response = HttpsRequests.get(TestPki.client(TestPki.registered), this.port,
				"/v2/consent/no-token");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(TOKEN_REQUIRED);
		assertRefused("/v2/consent/no-token", MtlsReason.TOKEN_REQUIRED, TestPki.registered);
	}

	@Test
	void getWhenAnyTokenRuleAndTokenHasNoScopeThenGranted() {
		// operatorWithTokenScopes(List.of()) demands a token, with any scopes.
		HttpResponse<String> response = send(TestPki.registered, "/whoami", TestTokens.token(Map.of()));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"org_code\":\"A1AAER0000\"");
	}

	@Test
	void getWhenAnyTokenRuleAndNoTokenThenTokenRequired() {
		HttpResponse<String> response = HttpsRequests.get(TestPki.client(TestPki.registered), this.port, "/whoami");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(TOKEN_REQUIRED);
		assertRefused("/whoami", MtlsReason.TOKEN_REQUIRED, TestPki.registered);
	}

	@Test
	void getWhenOperatorScopeAndTokenScopeBothHeldThenGranted() {
		HttpResponse<String> response = send(TestPki.registered, "/v2/card/cards", token("card.list"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"rsp_code\":\"00000\"}");
	}

	@Test
	void getWhenOperatorScopeHeldAndTokenScopeMissingThenRefusedWith40104() {
		HttpResponse<String> response = send(TestPki.registered, "/v2/card/bank-consent", token("bank.list"));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(TOKEN_SCOPE_NOT_GRANTED);
		assertRefused("/v2/card/bank-consent", MtlsReason.TOKEN_SCOPE_NOT_GRANTED, TestPki.registered);
	}

	@Test
	void getWhenTokenScopeHeldAndOperatorScopeMissingThenRefusedAsScopeNotGranted() {
		// bankOnly is registered for bank.list only: the customer's consent to card.list
		// does not stand in for the registry's grant.
		HttpResponse<String> response = send(TestPki.bankOnly, "/v2/card/not-registered", token("card.list"));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo("{\"rsp_code\":\"40104\",\"rsp_msg\":\"scope not granted\"}");
		assertRefused("/v2/card/not-registered", MtlsReason.SCOPE_NOT_GRANTED, TestPki.bankOnly);
	}

	@Test
	void getWhenOperatorScopeRuleAndNoTokenThenTokenRequired() {
		HttpResponse<String> response = HttpsRequests.get(TestPki.client(TestPki.registered), this.port,
				"/v2/card/no-token");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(TOKEN_REQUIRED);
		assertRefused("/v2/card/no-token", MtlsReason.TOKEN_REQUIRED, TestPki.registered);
	}

	@Test
	void getWhenValidTokenWithoutCertificateThenCertificateRequired() {
		HttpResponse<String> response = HttpsRequests.get(TestPki.clientWithoutCertificate(), this.port,
				"/v2/consent/token-only", "Authorization", "Bearer " + token("bank.list"));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo("{\"rsp_code\":\"40101\",\"rsp_msg\":\"client certificate required\"}");
		MtlsRejectionEvent event = Refusals.of(this.refusals, "/v2/consent/token-only");
		assertThat(event.getReason()).isEqualTo(MtlsReason.NO_CERTIFICATE);
		assertThat(event.getFingerprint()).isNull();
	}

	private static String token(String scope) {
		return TestTokens.token(Map.of("scope", scope));
	}

	private HttpResponse<String> send(IssuedCertificate certificate, String path, String token) {
		return HttpsRequests.get(TestPki.client(certificate), this.port, path, "Authorization", "Bearer " + token);
	}

	private void assertRefused(String path, MtlsReason reason, IssuedCertificate certificate) {
		MtlsRejectionEvent event = Refusals.of(this.refusals, path);
		assertThat(event.getReason()).isEqualTo(reason);
		assertThat(event.getRspCode()).isEqualTo(reason.rspCode());
		assertThat(event.getFingerprint()).isEqualTo(certificate.sha256Fingerprint());
	}

	/**
	 * The user's chain: the starter without its access rules, the resource server, and
	 * the application's own rules.
	 */
	@Configuration(proxyBeanMethods = false)
	static class OwnRulesChain {

		@Bean
		SecurityFilterChain api(HttpSecurity http) throws Exception {
			http.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.csrf((csrf) -> csrf.disable())
				.with(MtlsConfigurer.mtls().authorizeRequests(false), Customizer.withDefaults())
				.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()))
				.authorizeHttpRequests((authorize) -> authorize.dispatcherTypeMatchers(DispatcherType.ERROR)
					.permitAll()
					.requestMatchers("/v2/consent/**")
					.access(OperatorAuthorizationManager.operatorWithTokenScopes(List.of("bank.list")))
					.requestMatchers("/whoami")
					.access(OperatorAuthorizationManager.operatorWithTokenScopes(List.of()))
					.requestMatchers("/v2/card/**")
					.access(OperatorAuthorizationManager.operatorWith(List.of("card.list"), List.of(), List.of(),
							List.of("card.list")))
					.anyRequest()
					.access(OperatorAuthorizationManager.operator()));
			return http.build();
		}

		@Bean
		JwtDecoder jwtDecoder() {
			return TestTokens.decoder();
		}

		@Bean
		ResourceServerHttpsTests.CallController callController() {
			return new ResourceServerHttpsTests.CallController();
		}

		@Bean
		ResourceServerHttpsTests.RecordedRefusals recordedRefusals() {
			return new ResourceServerHttpsTests.RecordedRefusals();
		}

	}

}
