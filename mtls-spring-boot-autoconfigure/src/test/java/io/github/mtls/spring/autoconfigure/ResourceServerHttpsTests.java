package io.github.mtls.spring.autoconfigure;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.mydata.MyDataOperator;
import io.github.mtls.spring.security.MtlsConfigurer;
import io.github.mtls.spring.security.MtlsRejectionEvent;
import io.github.mtls.spring.security.MyDataCallAuthentication;
import io.github.mtls.spring.test.pki.IssuedCertificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Real HTTPS with Spring Security's resource server in the user's chain beside the
 * starter ({@code MtlsConfigurer}): the MyData call carries the operator's certificate
 * and an access token, and both must reach authorization and the controller.
 */
@SpringBootTest(classes = { TestApplication.class, ResourceServerHttpsTests.ResourceServerChain.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
class ResourceServerHttpsTests {

	private static final String INVALID_TOKEN = "{\"rsp_code\":\"40101\",\"rsp_msg\":\"invalid access token\"}";

	@LocalServerPort
	int port;

	@Autowired
	RecordedRefusals refusals;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		Properties.register(registry, TestPki.serverSsl("client-ca.p12"));
		Properties.register(registry, TestApplication.OPERATORS);
		Properties.register(registry, "mtls.client-auth=want", "mtls.access-rules[3].path=/v2/consent/**",
				"mtls.access-rules[3].scopes=bank.list", "mtls.access-rules[3].token-scopes=bank.list");
	}

	@Test
	void getWhenCertificateOnlyThenOperatorIsThePrincipal() {
		HttpResponse<String> response = send(TestPki.registered, "/whoami");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"org_code\":\"A1AAER0000\"");
	}

	@Test
	void getWhenCertificateAndValidTokenThenOperatorStaysThePrincipal() {
		String token = TestTokens.token(Map.of("scope", "bank.list"));
		HttpResponse<String> response = send(TestPki.registered, "/whoami", "Authorization", "Bearer " + token);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"org_code\":\"A1AAER0000\"");
	}

	@Test
	void getWhenCertificateAndValidTokenThenAccessRulesSeeTheOperator() {
		String token = TestTokens.token(Map.of("scope", "bank.list"));
		HttpResponse<String> response = send(TestPki.registered, "/v2/bank/accounts", "Authorization",
				"Bearer " + token);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(send(TestPki.registered, "/v2/card/cards", "Authorization", "Bearer " + token).statusCode())
			.isEqualTo(200);
	}

	@Test
	void getWhenCertificateAndValidTokenThenTokenClaimsAreReachable() {
		String token = TestTokens.token(Map.of("scope", "bank.list"));
		HttpResponse<String> response = send(TestPki.registered, "/v2/bank/call", "Authorization", "Bearer " + token);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"org_code\":\"A1AAER0000\"")
			.contains("\"subject\":\"customer-1\"")
			.contains("\"token_scopes\":[\"bank.list\"]")
			.contains("TOKEN_SCOPE_bank.list")
			.contains("FACTOR_X509")
			.contains("FACTOR_BEARER");
	}

	@Test
	void getWhenTokenHasAScopeTheOperatorLacksThenStillRefusedWith40104() {
		// bankOnly is registered for bank.list only: the customer's consent in the token
		// never stands in for a scope the registry did not grant the operator.
		String token = TestTokens.token(Map.of("scope", "card.list"));
		HttpResponse<String> response = send(TestPki.bankOnly, "/v2/card/cards", "Authorization", "Bearer " + token);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("\"rsp_code\":\"40104\"");
	}

	@Test
	void getWhenRuleRequiresTokenScopesAndCertificateOnlyThenRefusedWith40101() {
		HttpResponse<String> response = send(TestPki.registered, "/v2/consent/accounts");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo("{\"rsp_code\":\"40101\",\"rsp_msg\":\"access token required\"}");
	}

	@Test
	void getWhenRuleRequiresTokenScopesAndTokenLacksOneThenRefusedWith40104() {
		String token = TestTokens.token(Map.of("scope", "card.list"));
		HttpResponse<String> response = send(TestPki.registered, "/v2/consent/accounts", "Authorization",
				"Bearer " + token);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body())
			.isEqualTo("{\"rsp_code\":\"40104\",\"rsp_msg\":\"access token scope not granted\"}");
	}

	@Test
	void getWhenTokenScopesAreSeparatedByOtherThanASpaceThenNoneMatches() {
		// RFC 6749: single spaces separate scope tokens; a tab, NUL or line break does
		// not.
		for (String scope : List.of("card.list\tbank.list", "bank.list\u0000", "\u0000bank.list", "x\nbank.list")) {
			String token = TestTokens.token(Map.of("scope", scope));
			HttpResponse<String> response = send(TestPki.registered, "/v2/consent/accounts", "Authorization",
					"Bearer " + token);
			assertThat(response.statusCode()).as(scope).isEqualTo(401);
			assertThat(response.body()).as(scope).contains("\"rsp_code\":\"40104\"");
		}
	}

	@Test
	void getWhenTheStarterRefusesTheTokenThenA401StillCarriesABearerChallenge() {
		assertThat(send(TestPki.registered, "/v2/consent/accounts").headers().firstValue("WWW-Authenticate"))
			.hasValue("Bearer");
		String token = TestTokens.token(Map.of("scope", "card.list"));
		assertThat(send(TestPki.registered, "/v2/consent/accounts", "Authorization", "Bearer " + token).headers()
			.firstValue("WWW-Authenticate")).hasValue("Bearer error=\"insufficient_scope\"");
	}

	@Test
	void getWhenRuleRequiresTokenScopesAndTokenCarriesThemThenGranted() {
		String token = TestTokens.token(Map.of("scope", "bank.list card.list"));
		assertThat(send(TestPki.registered, "/v2/consent/accounts", "Authorization", "Bearer " + token).statusCode())
			.isEqualTo(200);
	}

	@Test
	void getWhenCertificateAndExpiredTokenThenMyDataBodyAndWwwAuthenticateKept() {
		this.refusals.clear();
		String token = TestTokens.token(Map.of("scope", "bank.list"), Instant.now().minusSeconds(600));
		HttpResponse<String> response = send(TestPki.registered, "/whoami", "Authorization", "Bearer " + token);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(INVALID_TOKEN);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((header) -> assertThat(header).startsWith("Bearer").contains("invalid_token"));
		// The audit names the token, not a missing certificate, and the operator.
		await().untilAsserted(() -> assertThat(this.refusals).singleElement().satisfies((event) -> {
			assertThat(event.getReason()).isEqualTo(MtlsReason.TOKEN_INVALID);
			assertThat(event.getOrgCodes()).contains("A1AAER0000");
			assertThat(event.getFingerprint()).isEqualTo(TestPki.registered.sha256Fingerprint());
		}));
	}

	@Test
	void getWhenCertificateAndMalformedTokenThenMyDataBody() {
		HttpResponse<String> response = send(TestPki.registered, "/whoami", "Authorization", "Bearer not.a.jwt");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(INVALID_TOKEN);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((header) -> assertThat(header).startsWith("Bearer"));
	}

	@Test
	void getWhenMalformedTokenWithoutCertificateThenMyDataBody() {
		HttpResponse<String> response = HttpsRequests.get(TestPki.clientWithoutCertificate(), this.port, "/whoami",
				"Authorization", "Bearer not.a.jwt");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(INVALID_TOKEN);
	}

	private HttpResponse<String> send(IssuedCertificate certificate, String path, String... headers) {
		return HttpsRequests.get(TestPki.client(certificate), this.port, path, headers);
	}

	/**
	 * The refusals the starter published, for the audit assertions.
	 */
	static class RecordedRefusals extends CopyOnWriteArrayList<MtlsRejectionEvent>
			implements ApplicationListener<MtlsRejectionEvent> {

		@Override
		public void onApplicationEvent(MtlsRejectionEvent event) {
			add(event);
		}

	}

	@RestController
	static class CallController {

		@GetMapping("/v2/consent/accounts")
		Map<String, Object> consentedAccounts() {
			return Map.of("rsp_code", "00000");
		}

		@GetMapping("/v2/bank/call")
		Map<String, Object> call(@AuthenticationPrincipal MyDataOperator operator, Authentication authentication) {
			MyDataCallAuthentication call = (MyDataCallAuthentication) authentication;
			return Map.of("org_code", operator.orgCode(), "subject", call.getTokenAttributes().get("sub"),
					"token_scopes", call.getTokenScopes(), "authorities",
					call.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList());
		}

	}

	/**
	 * The user's chain: the starter through its configurer and the resource server as
	 * Spring Security documents it, with a decoder of a local RS256 key.
	 */
	@Configuration(proxyBeanMethods = false)
	static class ResourceServerChain {

		@Bean
		SecurityFilterChain api(HttpSecurity http) throws Exception {
			http.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.csrf((csrf) -> csrf.disable())
				.with(MtlsConfigurer.mtls(), Customizer.withDefaults())
				.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()));
			return http.build();
		}

		@Bean
		CallController callController() {
			return new CallController();
		}

		@Bean
		RecordedRefusals recordedRefusals() {
			return new RecordedRefusals();
		}

		@Bean
		JwtDecoder jwtDecoder() {
			return TestTokens.decoder();
		}

	}

}
