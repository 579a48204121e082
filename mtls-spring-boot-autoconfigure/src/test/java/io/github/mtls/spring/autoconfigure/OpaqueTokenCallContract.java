package io.github.mtls.spring.autoconfigure;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.mydata.MyDataOperator;
import io.github.mtls.spring.security.MtlsRejectionEvent;
import io.github.mtls.spring.security.MyDataCallAuthentication;
import io.github.mtls.spring.test.pki.IssuedCertificate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MyData call with an opaque access token, checked by Spring Security's resource
 * server against a real RFC 7662 introspection endpoint ({@link IntrospectionEndpoint}):
 * what every chain that runs the resource server beside the starter must show, whether
 * the starter's default chain or the user's own with {@code MtlsConfigurer}. The chain
 * binds tokens by {@code client_id}, the registered operator has the client id
 * {@code fintech-app}, and {@code /v2/consent/**} demands the token scope
 * {@code bank.list}.
 */
interface OpaqueTokenCallContract {

	String INVALID_TOKEN = "{\"rsp_code\":\"40101\",\"rsp_msg\":\"invalid access token\"}";

	String NOT_BOUND = "{\"rsp_code\":\"40101\",\"rsp_msg\":\"access token is not bound to this operator\"}";

	String TOKEN_REQUIRED = "{\"rsp_code\":\"40101\",\"rsp_msg\":\"access token required\"}";

	String TOKEN_SCOPE_NOT_GRANTED = "{\"rsp_code\":\"40104\",\"rsp_msg\":\"access token scope not granted\"}";

	/**
	 * Active, issued to the registered operator by org code, with the customer's consent
	 * to {@code bank.list} and {@code manage}.
	 */
	String ACTIVE = "active-registered";

	/** Active, issued to the registered operator by its client id. */
	String ACTIVE_BY_CLIENT_ID = "active-by-client-id";

	/** Active, issued to the registered operator, consent to {@code card.list} only. */
	String CARD_ONLY = "active-card-only";

	/** Active, issued to the bank-only operator. */
	String OTHER_OPERATOR = "active-other-operator";

	/**
	 * Active, issued to the bank-only operator but bound by {@code cnf.x5t#S256} to the
	 * registered operator's certificate.
	 */
	String BOUND_TO_REGISTERED_CERTIFICATE = "active-bound-to-registered";

	/** Active, issued to the registered operator and bound to its certificate. */
	String BOUND_TO_OWN_CERTIFICATE = "active-bound-to-own";

	/** Known to the endpoint and no longer active. */
	String INACTIVE = "inactive-token";

	String[] PROPERTIES = { "mtls.client-auth=want", "mtls.token-binding.claim=client_id",
			"mtls.mydata.operators[0].client-ids=fintech-app", "mtls.access-rules[3].path=/v2/consent/**",
			"mtls.access-rules[3].token-scopes=bank.list" };

	/**
	 * Register the contract's tokens with the endpoint.
	 * @param endpoint the endpoint
	 * @return the endpoint
	 */
	static IntrospectionEndpoint withTokens(IntrospectionEndpoint endpoint) {
		String registered = TokenBindingHttpsTests.thumbprint(TestPki.registered);
		endpoint.answer(ACTIVE, active("A1AAER0000", "bank.list manage", null));
		endpoint.answer(ACTIVE_BY_CLIENT_ID, active("fintech-app", "bank.list", null));
		endpoint.answer(CARD_ONLY, active("A1AAER0000", "card.list", null));
		endpoint.answer(OTHER_OPERATOR, active("C1CCBK0000", "bank.list", null));
		endpoint.answer(BOUND_TO_REGISTERED_CERTIFICATE, active("C1CCBK0000", "bank.list", registered));
		endpoint.answer(BOUND_TO_OWN_CERTIFICATE, active("A1AAER0000", "bank.list", registered));
		endpoint.answer(INACTIVE, "{\"active\":false}");
		return endpoint;
	}

	private static String active(String clientId, String scope, String thumbprint) {
		long now = System.currentTimeMillis() / 1000;
		return "{\"active\":true,\"sub\":\"customer-1\",\"iss\":\"https://provider.example\",\"client_id\":\""
				+ clientId + "\",\"scope\":\"" + scope + "\",\"token_type\":\"Bearer\",\"iat\":" + (now - 60)
				+ ",\"exp\":" + (now + 3600)
				+ ((thumbprint != null) ? ",\"cnf\":{\"x5t#S256\":\"" + thumbprint + "\"}" : "") + "}";
	}

	/**
	 * Return the port of the application.
	 * @return the port
	 */
	int port();

	/**
	 * Return the refusals the starter published.
	 * @return the refusals
	 */
	List<MtlsRejectionEvent> refusals();

	@Test
	default void getWhenCertificateAndActiveTokenThenOperatorIsThePrincipalAndTokenAttributesAreReachable() {
		HttpResponse<String> response = send(TestPki.registered, "/v2/bank/opaque-call", ACTIVE);
		assertThat(response.statusCode()).isEqualTo(200);
		// The token's scope manage is the customer's consent, never an operator scope
		// (no SCOPE_manage).
		assertThat(response.body()).isEqualTo("{\"access_token\":\"BearerTokenAuthentication\","
				+ "\"authentication\":\"MyDataCallAuthentication\",\"authorities\":[\"FACTOR_BEARER\",\"FACTOR_X509\","
				+ "\"SCOPE_bank.list\",\"SCOPE_card.list\",\"TOKEN_SCOPE_bank.list\",\"TOKEN_SCOPE_manage\"],"
				+ "\"certificate\":\"" + TestPki.registered.sha256Fingerprint() + "\",\"client_id\":\"A1AAER0000\","
				+ "\"org_code\":\"A1AAER0000\",\"subject\":\"customer-1\","
				+ "\"token_scopes\":[\"bank.list\",\"manage\"]}");
	}

	@Test
	default void getWhenCertificateAndInactiveTokenThenInvalidTokenWithWwwAuthenticateKept() {
		HttpResponse<String> response = send(TestPki.registered, "/refused/inactive", INACTIVE);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(INVALID_TOKEN);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((header) -> assertThat(header).startsWith("Bearer").contains("invalid_token"));
		assertRefused("/refused/inactive", MtlsReason.TOKEN_INVALID, TestPki.registered);
	}

	@Test
	default void getWhenCertificateAndTokenTheEndpointNeverIssuedThenInvalidToken() {
		HttpResponse<String> response = send(TestPki.registered, "/refused/unknown", "never-issued");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(INVALID_TOKEN);
		assertRefused("/refused/unknown", MtlsReason.TOKEN_INVALID, TestPki.registered);
	}

	@Test
	default void getWhenRuleRequiresTokenScopeAndTokenCarriesItThenGranted() {
		HttpResponse<String> response = send(TestPki.registered, "/v2/consent/accounts", ACTIVE);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"rsp_code\":\"00000\"}");
	}

	@Test
	default void getWhenRuleRequiresTokenScopeAndTokenLacksItThenRefusedWith40104() {
		HttpResponse<String> response = send(TestPki.registered, "/v2/consent/card-only", CARD_ONLY);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(TOKEN_SCOPE_NOT_GRANTED);
		assertRefused("/v2/consent/card-only", MtlsReason.TOKEN_SCOPE_NOT_GRANTED, TestPki.registered);
	}

	@Test
	default void getWhenRuleRequiresTokenScopeAndCertificateOnlyThenTokenRequired() {
		HttpResponse<String> response = HttpsRequests.get(TestPki.client(TestPki.registered), port(),
				"/v2/consent/no-token");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(TOKEN_REQUIRED);
		assertRefused("/v2/consent/no-token", MtlsReason.TOKEN_REQUIRED, TestPki.registered);
	}

	@Test
	default void getWhenTokenNamesTheOperatorsClientIdThenGranted() {
		HttpResponse<String> response = send(TestPki.registered, "/whoami", ACTIVE_BY_CLIENT_ID);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"org_code\":\"A1AAER0000\"");
	}

	@Test
	default void getWhenTokenIssuedToAnotherOperatorThenRefusedAsNotBound() {
		HttpResponse<String> response = send(TestPki.registered, "/refused/other-operator", OTHER_OPERATOR);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(NOT_BOUND);
		assertRefused("/refused/other-operator", MtlsReason.TOKEN_NOT_BOUND, TestPki.registered);
	}

	@Test
	default void getWhenTokenIssuedToAnotherOperatorIsPresentedByThatOperatorThenGranted() {
		HttpResponse<String> response = send(TestPki.bankOnly, "/whoami", OTHER_OPERATOR);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"org_code\":\"C1CCBK0000\"");
	}

	@Test
	default void getWhenIntrospectionNamesAnotherCertificateThenRefusedAsNotBound() {
		// The bank-only operator's own client id, but cnf names the registered
		// operator's certificate.
		HttpResponse<String> response = send(TestPki.bankOnly, "/refused/other-certificate",
				BOUND_TO_REGISTERED_CERTIFICATE);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(NOT_BOUND);
		assertRefused("/refused/other-certificate", MtlsReason.TOKEN_NOT_BOUND, TestPki.bankOnly);
	}

	@Test
	default void getWhenIntrospectionNamesThePresentedCertificateThenGranted() {
		HttpResponse<String> response = send(TestPki.registered, "/whoami", BOUND_TO_OWN_CERTIFICATE);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"org_code\":\"A1AAER0000\"");
	}

	@Test
	default void getWhenIntrospectionEndpointFailsThenInvalidTokenNotAServerError() {
		HttpResponse<String> response = send(TestPki.registered, "/refused/endpoint-500", IntrospectionEndpoint.BROKEN);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(INVALID_TOKEN);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
		assertRefused("/refused/endpoint-500", MtlsReason.TOKEN_INVALID, TestPki.registered);
	}

	@Test
	default void getWhenIntrospectionEndpointHangsUpThenInvalidTokenNotAServerError() {
		HttpResponse<String> response = send(TestPki.registered, "/refused/endpoint-hang-up",
				IntrospectionEndpoint.HANGS_UP);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(INVALID_TOKEN);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
		assertRefused("/refused/endpoint-hang-up", MtlsReason.TOKEN_INVALID, TestPki.registered);
	}

	default HttpResponse<String> send(IssuedCertificate certificate, String path, String token) {
		return HttpsRequests.get(TestPki.client(certificate), port(), path, "Authorization", "Bearer " + token);
	}

	/**
	 * Assert the one refusal of the request names the reason and the operator whose valid
	 * certificate came with it: never a missing certificate.
	 */
	default void assertRefused(String path, MtlsReason reason, IssuedCertificate certificate) {
		MtlsRejectionEvent event = Refusals.of(refusals(), path);
		assertThat(event.getReason()).isEqualTo(reason);
		assertThat(event.getRspCode()).isEqualTo(reason.rspCode());
		assertThat(event.getFingerprint()).isEqualTo(certificate.sha256Fingerprint());
		assertThat(event.getOrgCodes()).isNotEmpty();
	}

	/**
	 * What the application sees of an opaque-token call.
	 */
	@RestController
	class OpaqueCallController {

		@GetMapping("/v2/bank/opaque-call")
		Map<String, Object> call(@AuthenticationPrincipal MyDataOperator operator, Authentication authentication) {
			MyDataCallAuthentication call = (MyDataCallAuthentication) authentication;
			Map<String, Object> body = new TreeMap<>();
			body.put("org_code", operator.orgCode());
			body.put("authentication", authentication.getClass().getSimpleName());
			body.put("access_token", call.getAccessToken().getClass().getSimpleName());
			body.put("certificate", call.getPrincipal().certificateFingerprint());
			body.put("client_id", call.getTokenAttributes().get("client_id"));
			body.put("subject", call.getTokenAttributes().get("sub"));
			body.put("token_scopes", call.getTokenScopes().stream().sorted().toList());
			body.put("authorities",
					call.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList());
			return body;
		}

	}

	/**
	 * The beans both chains share: the controller above and the consent rule's, and the
	 * recorded refusals.
	 */
	@Configuration(proxyBeanMethods = false)
	class CallBeans {

		@Bean
		OpaqueCallController opaqueCallController() {
			return new OpaqueCallController();
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
