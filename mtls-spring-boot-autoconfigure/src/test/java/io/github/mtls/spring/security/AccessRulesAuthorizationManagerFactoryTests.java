package io.github.mtls.spring.security;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.mydata.MyDataOperator;
import io.github.mtls.spring.mydata.OperatorStatus;

import static org.assertj.core.api.Assertions.assertThat;

class AccessRulesAuthorizationManagerFactoryTests {

	private static final MyDataOperator OPERATOR = new MyDataOperator(List.of("A1AAER0000"), "2208112345", "2208112345",
			"Example Fintech", OperatorStatus.ACTIVE, Set.of("bank.list"), "00", "CN=x", "CN=ca", Instant.now(),
			Set.of("bank"), Set.of("03"));

	private static final Authentication BANK_ONLY = new TestingAuthenticationToken(OPERATOR, null, "SCOPE_bank.list");

	private static final List<AccessRule> RULES = List.of(
			new AccessRule("/v2/card/**", List.of(HttpMethod.GET), List.of("card.list"), false),
			new AccessRule("/v2/bank/**", List.of(HttpMethod.GET), List.of("bank.list"), false),
			new AccessRule("/actuator/health/**", List.of(), List.of(), true));

	private final AccessRulesAuthorizationManagerFactory factory = new AccessRulesAuthorizationManagerFactory(
			PathPatternRequestMatcher.withDefaults());

	@Test
	void createWhenRuleNamesGetThenHeadNeedsTheSameScopes() {
		AuthorizationManager<RequestAuthorizationContext> manager = this.factory.create(RULES);
		assertThat(reason(manager, "GET", "/v2/card/cards")).isEqualTo(MtlsReason.SCOPE_NOT_GRANTED);
		assertThat(reason(manager, "HEAD", "/v2/card/cards")).isEqualTo(MtlsReason.SCOPE_NOT_GRANTED);
		assertThat(authorize(manager, BANK_ONLY, "HEAD", "/v2/bank/accounts").isGranted()).isTrue();
	}

	@Test
	void createWhenRuleNamesHeadOnlyThenGetIsNotCovered() {
		AuthorizationManager<RequestAuthorizationContext> manager = this.factory
			.create(List.of(new AccessRule("/v2/card/**", List.of(HttpMethod.HEAD), List.of("card.list"), false)));
		assertThat(reason(manager, "HEAD", "/v2/card/cards")).isEqualTo(MtlsReason.SCOPE_NOT_GRANTED);
		assertThat(authorize(manager, BANK_ONLY, "GET", "/v2/card/cards").isGranted()).isTrue();
	}

	@Test
	void createWhenUnmatchedRequestsAuthenticatedThenOtherMethodsNeedAnOperatorOnly() {
		AuthorizationManager<RequestAuthorizationContext> manager = this.factory.create(RULES);
		assertThat(authorize(manager, BANK_ONLY, "POST", "/v2/card/cards").isGranted()).isTrue();
		assertThat(reason(manager, null, "POST", "/v2/card/cards")).isEqualTo(MtlsReason.NO_CERTIFICATE);
	}

	@Test
	void createWhenUnmatchedRequestsDenyThenEveryOtherMethodAndPathIsDenied() {
		this.factory.setUnmatchedRequests(UnmatchedRequests.DENY);
		AuthorizationManager<RequestAuthorizationContext> manager = this.factory.create(RULES);
		for (String method : List.of("POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "get", "PROPFIND")) {
			assertThat(reason(manager, method, "/v2/card/cards")).as(method).isEqualTo(MtlsReason.NO_MATCHING_RULE);
			assertThat(reason(manager, method, "/v2/bank/accounts")).as(method).isEqualTo(MtlsReason.NO_MATCHING_RULE);
		}
		assertThat(reason(manager, "GET", "/whoami")).isEqualTo(MtlsReason.NO_MATCHING_RULE);
		assertThat(authorize(manager, BANK_ONLY, "GET", "/v2/bank/accounts").isGranted()).isTrue();
		assertThat(authorize(manager, null, "GET", "/actuator/health/liveness").isGranted()).isTrue();
	}

	@Test
	void createWhenManagementEndpointsSetThenRulesThatDoNotNameThemDoNotApply() {
		this.factory.setManagementEndpoints(new ManagementEndpoints(
				(request) -> request.getRequestURI().startsWith("/actuator/env"), List.of("/actuator")));
		AuthorizationManager<RequestAuthorizationContext> manager = this.factory
			.create(List.of(new AccessRule("/**", List.of(), List.of(), true)));
		assertThat(reason(manager, "GET", "/actuator/env")).isEqualTo(MtlsReason.MANAGEMENT_ENDPOINT_DENIED);
		assertThat(reason(manager, "HEAD", "/actuator/env/java.home")).isEqualTo(MtlsReason.MANAGEMENT_ENDPOINT_DENIED);
		assertThat(authorize(manager, null, "GET", "/v2/anything").isGranted()).isTrue();
	}

	@Test
	void createWhenRuleNamesManagementEndpointsThenItApplies() {
		this.factory.setManagementEndpoints(new ManagementEndpoints(
				(request) -> request.getRequestURI().startsWith("/actuator/"), List.of("/actuator/")));
		AuthorizationManager<RequestAuthorizationContext> manager = this.factory
			.create(List.of(new AccessRule("/actuator/metrics/**", List.of(HttpMethod.GET), List.of("manage"), false),
					new AccessRule("/actuator/info", List.of(), List.of(), false)));
		assertThat(reason(manager, "GET", "/actuator/metrics/jvm.memory.used")).isEqualTo(MtlsReason.SCOPE_NOT_GRANTED);
		assertThat(authorize(manager, BANK_ONLY, "GET", "/actuator/info").isGranted()).isTrue();
		assertThat(reason(manager, "GET", "/actuator/beans")).isEqualTo(MtlsReason.MANAGEMENT_ENDPOINT_DENIED);
	}

	@Test
	void createWhenTwoRulesMatchThenTheFirstDecides() {
		AuthorizationManager<RequestAuthorizationContext> manager = this.factory
			.create(List.of(new AccessRule("/v2/bank/**", List.of(), List.of("bank.list"), false),
					new AccessRule("/v2/**", List.of(), List.of(), true)));
		assertThat(reason(manager, null, "GET", "/v2/bank/accounts")).isEqualTo(MtlsReason.NO_CERTIFICATE);
		assertThat(authorize(manager, null, "GET", "/v2/card/cards").isGranted()).isTrue();
	}

	@Test
	void createWhenErrorPathSetThenACatchAllRuleDoesNotOpenIt() {
		this.factory.setErrorPath("/error");
		AuthorizationManager<RequestAuthorizationContext> manager = this.factory
			.create(List.of(new AccessRule("/**", List.of(), List.of(), true)));
		assertThat(reason(manager, null, "GET", "/error")).isEqualTo(MtlsReason.NO_MATCHING_RULE);
		assertThat(reason(manager, null, "POST", "/error")).isEqualTo(MtlsReason.NO_MATCHING_RULE);
		assertThat(authorize(manager, null, "GET", "/v2/anything").isGranted()).isTrue();
	}

	@Test
	void createWhenARuleNamesTheErrorPathThenThatRuleDecides() {
		this.factory.setErrorPath("/error");
		AuthorizationManager<RequestAuthorizationContext> manager = this.factory
			.create(List.of(new AccessRule("/error", List.of(), List.of(), true)));
		assertThat(authorize(manager, null, "GET", "/error").isGranted()).isTrue();
	}

	@Test
	void createWhenRuleNamesTokenScopesThenACertificateAloneIsNotEnough() {
		AuthorizationManager<RequestAuthorizationContext> manager = this.factory
			.create(List.of(new AccessRule("/v2/bank/**", List.of(), List.of("bank.list"), false, List.of(), List.of(),
					List.of("bank.list"))));
		assertThat(reason(manager, "GET", "/v2/bank/accounts")).isEqualTo(MtlsReason.TOKEN_REQUIRED);
		assertThat(reason(manager, "POST", "/v2/bank/accounts")).isEqualTo(MtlsReason.TOKEN_REQUIRED);
	}

	@Test
	void isNamedByWhenPathBelowPrefixThenTrue() {
		ManagementEndpoints endpoints = new ManagementEndpoints((request) -> true, List.of("/actuator"));
		assertThat(endpoints.isNamedBy(rule("/actuator"))).isTrue();
		assertThat(endpoints.isNamedBy(rule("/actuator/**"))).isTrue();
		assertThat(endpoints.isNamedBy(rule("/actuatorx/**"))).isFalse();
		assertThat(endpoints.isNamedBy(rule("/**"))).isFalse();
		assertThat(endpoints.isNamedBy(rule("/*/env"))).isFalse();
	}

	private static AccessRule rule(String path) {
		return new AccessRule(path, List.of(), List.of(), false);
	}

	private static MtlsReason reason(AuthorizationManager<RequestAuthorizationContext> manager, String method,
			String path) {
		return reason(manager, BANK_ONLY, method, path);
	}

	private static MtlsReason reason(AuthorizationManager<RequestAuthorizationContext> manager,
			@Nullable Authentication authentication, String method, String path) {
		AuthorizationResult result = authorize(manager, authentication, method, path);
		assertThat(result.isGranted()).isFalse();
		return ((MtlsAuthorizationDecision) result).getReason();
	}

	private static AuthorizationResult authorize(AuthorizationManager<RequestAuthorizationContext> manager,
			@Nullable Authentication authentication, String method, String path) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		AuthorizationResult result = manager.authorize(() -> authentication, new RequestAuthorizationContext(request));
		assertThat(result).isNotNull();
		return result;
	}

}
