package io.github.mtls.spring.security;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;

import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.mydata.MyDataOperator;
import io.github.mtls.spring.mydata.OperatorStatus;

import static org.assertj.core.api.Assertions.assertThat;

class MtlsAccessDeniedHandlerTests {

	private static final MyDataOperator OPERATOR = new MyDataOperator(List.of("A1AAER0000"), "2208112345", "2208112345",
			"Example Fintech", OperatorStatus.ACTIVE, Set.of("bank.list"), "00", "CN=x", "CN=ca", Instant.now(),
			Set.of("bank"), Set.of("03"));

	private final SecurityContextHolderStrategy strategy = SecurityContextHolder.getContextHolderStrategy();

	private final MtlsAccessDeniedHandler handler = new MtlsAccessDeniedHandler(
			new MtlsErrorWriter(JsonMapper.builder().build()));

	MtlsAccessDeniedHandlerTests() {
		this.handler.setSecurityContextHolderStrategy(this.strategy);
	}

	@AfterEach
	void clearContext() {
		this.strategy.clearContext();
	}

	@Test
	void handleWhenMtlsDecisionThenWritesItsReason() throws Exception {
		this.strategy.setContext(new SecurityContextImpl(new TestingAuthenticationToken(OPERATOR, null)));
		MockHttpServletResponse response = handle(new AuthorizationDeniedException("denied",
				new MtlsAuthorizationDecision(MtlsReason.OPERATOR_SUSPENDED)));
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getContentAsString())
			.isEqualTo("{\"rsp_code\":\"40302\",\"rsp_msg\":\"operator is suspended\"}");
	}

	@Test
	void handleWhenPlainAccessDeniedThenScopeNotGranted() throws Exception {
		MockHttpServletResponse response = handle(new AccessDeniedException("Access Denied by @PreAuthorize"));
		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getContentAsString())
			.isEqualTo("{\"rsp_code\":\"40104\",\"rsp_msg\":\"scope not granted\"}")
			.doesNotContain("PreAuthorize");
	}

	@Test
	void handleWhenTokenScopeDeniedThenBearerInsufficientScopeChallenge() throws Exception {
		MockHttpServletResponse response = handle(new AuthorizationDeniedException("denied",
				new MtlsAuthorizationDecision(MtlsReason.TOKEN_SCOPE_NOT_GRANTED)));
		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer error=\"insufficient_scope\"");
	}

	private MockHttpServletResponse handle(AccessDeniedException ex) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.handler.handle(new MockHttpServletRequest("GET", "/v2/bank/accounts"), response, ex);
		return response;
	}

}
