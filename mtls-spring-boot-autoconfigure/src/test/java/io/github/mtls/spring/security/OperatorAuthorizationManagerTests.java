package io.github.mtls.spring.security;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;

import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.mydata.MyDataOperator;
import io.github.mtls.spring.mydata.OperatorStatus;

import static org.assertj.core.api.Assertions.assertThat;

class OperatorAuthorizationManagerTests {

	private static final MyDataOperator BANK_OPERATOR = new MyDataOperator(List.of("A1AAER0000", "D1AAEV0000"),
			"2208112345", "2208112345", "Example Fintech", OperatorStatus.ACTIVE, Set.of("bank.list"), "00", "CN=x",
			"CN=ca", Instant.now(), Set.of("bank", "card"), Set.of("03"));

	@Test
	void authorizeWhenIndustryHeldThenGranted() {
		assertThat(authorize(List.of(), List.of("insu", "card"), List.of()).isGranted()).isTrue();
	}

	@Test
	void authorizeWhenNoIndustryHeldThenDeniedWithScopeNotGranted() {
		AuthorizationResult result = authorize(List.of(), List.of("insu"), List.of());
		assertThat(result.isGranted()).isFalse();
		assertThat(((MtlsAuthorizationDecision) result).getReason()).isEqualTo(MtlsReason.SCOPE_NOT_GRANTED);
	}

	@Test
	void authorizeWhenOrgTypeRequiredThenChecksIt() {
		assertThat(authorize(List.of(), List.of(), List.of("03")).isGranted()).isTrue();
		assertThat(authorize(List.of(), List.of(), List.of("07")).isGranted()).isFalse();
	}

	@Test
	void authorizeWhenScopesIndustriesAndOrgTypesAllHeldThenGranted() {
		assertThat(authorize(List.of("bank.list"), List.of("bank"), List.of("03")).isGranted()).isTrue();
		assertThat(authorize(List.of("card.list"), List.of("bank"), List.of("03")).isGranted()).isFalse();
	}

	@Test
	void authorizeWhenNotAnOperatorThenDeniedWithNoCertificate() {
		AuthorizationResult result = OperatorAuthorizationManager.operatorWith(List.of(), List.of("bank"), List.of())
			.authorize(() -> new TestingAuthenticationToken("user", "password", "ROLE_USER"), new Object());
		assertThat(((MtlsAuthorizationDecision) result).getReason()).isEqualTo(MtlsReason.NO_CERTIFICATE);
	}

	@Test
	void authorizeWhenTokenScopesRequiredAndNoTokenThenDeniedWithTokenRequired() {
		Authentication certificateOnly = new TestingAuthenticationToken(BANK_OPERATOR, null, "SCOPE_bank.list");
		AuthorizationResult result = OperatorAuthorizationManager.operatorWithTokenScopes(List.of("bank.list"))
			.authorize(() -> certificateOnly, new Object());
		assertThat(((MtlsAuthorizationDecision) result).getReason()).isEqualTo(MtlsReason.TOKEN_REQUIRED);
	}

	@Test
	void authorizeWhenOnlyTheOperatorHoldsTheScopeThenTokenScopeIsNotGranted() {
		// The operator's SCOPE_bank.list never stands in for the customer's consent.
		Authentication call = new TestingAuthenticationToken(BANK_OPERATOR, null, "SCOPE_bank.list");
		AuthorizationResult result = OperatorAuthorizationManager
			.operatorWith(List.of("bank.list"), List.of(), List.of(), List.of("bank.list"))
			.authorize(() -> call, new Object());
		assertThat(result.isGranted()).isFalse();
	}

	private static AuthorizationResult authorize(List<String> scopes, List<String> industries, List<String> orgTypes) {
		Authentication authentication = new TestingAuthenticationToken(BANK_OPERATOR, null, "SCOPE_bank.list");
		return OperatorAuthorizationManager.operatorWith(scopes, industries, orgTypes)
			.authorize(() -> authentication, new Object());
	}

}
