package io.github.mtls.spring.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.util.Assert;

import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.mydata.MyDataOperator;

/**
 * Answers an authenticated request that was denied: with the reason of an
 * {@link MtlsAuthorizationDecision}, else {@link MtlsReason#SCOPE_NOT_GRANTED} (a
 * {@code @PreAuthorize("hasAuthority('SCOPE_bank.list')")} denial, for example).
 *
 * @author mtls-spring-boot
 */
public final class MtlsAccessDeniedHandler implements AccessDeniedHandler {

	private final MtlsErrorWriter errorWriter;

	private SecurityContextHolderStrategy securityContextHolderStrategy = SecurityContextHolder
		.getContextHolderStrategy();

	/**
	 * Create a handler.
	 * @param errorWriter writes the response
	 */
	public MtlsAccessDeniedHandler(MtlsErrorWriter errorWriter) {
		Assert.notNull(errorWriter, "errorWriter cannot be null");
		this.errorWriter = errorWriter;
	}

	/**
	 * Set the strategy the current authentication is read from.
	 * @param securityContextHolderStrategy the strategy
	 */
	public void setSecurityContextHolderStrategy(SecurityContextHolderStrategy securityContextHolderStrategy) {
		Assert.notNull(securityContextHolderStrategy, "securityContextHolderStrategy cannot be null");
		this.securityContextHolderStrategy = securityContextHolderStrategy;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		MtlsReason reason = MtlsReason.SCOPE_NOT_GRANTED;
		if (accessDeniedException instanceof AuthorizationDeniedException denied
				&& denied.getAuthorizationResult() instanceof MtlsAuthorizationDecision decision) {
			reason = decision.getReason();
		}
		MyDataOperator operator = operator();
		this.errorWriter.write(request, response, reason, (operator != null) ? operator.certificateFingerprint() : null,
				(operator != null) ? operator.orgCodes() : List.of());
	}

	private @Nullable MyDataOperator operator() {
		Authentication authentication = this.securityContextHolderStrategy.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof MyDataOperator operator) ? operator
				: null;
	}

}
