package io.github.mtls.spring.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.util.Assert;

import io.github.mtls.spring.error.MtlsAuthenticationException;
import io.github.mtls.spring.error.MtlsReason;

/**
 * Answers a request that failed authentication, or needs it and has none, with the MyData
 * error of its reason; without an {@link MtlsAuthenticationException} the reason is
 * {@link MtlsReason#NO_CERTIFICATE}. Also serves as the filter's failure handler.
 *
 * @author mtls-spring-boot
 */
public final class MtlsAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final MtlsErrorWriter errorWriter;

	/**
	 * Create an entry point.
	 * @param errorWriter writes the response
	 */
	public MtlsAuthenticationEntryPoint(MtlsErrorWriter errorWriter) {
		Assert.notNull(errorWriter, "errorWriter cannot be null");
		this.errorWriter = errorWriter;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		if (authException instanceof MtlsAuthenticationException mtls) {
			this.errorWriter.write(request, response, mtls.getReason(), mtls.getFingerprint(), mtls.getOrgCodes());
		}
		else {
			this.errorWriter.write(request, response, MtlsReason.NO_CERTIFICATE, null, List.of());
		}
	}

}
