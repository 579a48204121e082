package io.github.mtls.spring.security;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.mydata.MyDataOperator;

/**
 * Watches the response the rest of the chain writes for a refused access token: Spring
 * Security's bearer token entry point answers 401 with a {@code WWW-Authenticate: Bearer
 * error="..."} header and no body. Such a response gets the MyData body of
 * {@link MtlsReason#TOKEN_INVALID} (and its audit line), the header kept, whatever entry
 * point the user's resource-server configuration has, as long as it wrote no body of its
 * own.
 *
 * @author mtls-spring-boot
 */
final class BearerTokenFailureResponse extends HttpServletResponseWrapper {

	private boolean bodyWritten;

	BearerTokenFailureResponse(HttpServletResponse response) {
		super(response);
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		this.bodyWritten = true;
		return super.getOutputStream();
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		this.bodyWritten = true;
		return super.getWriter();
	}

	/**
	 * Write the MyData body if the chain refused the access token and wrote none.
	 * @param request the request
	 * @param errorWriter writes the body
	 * @throws IOException if the response cannot be written
	 */
	void completeTokenFailure(HttpServletRequest request, MtlsErrorWriter errorWriter) throws IOException {
		HttpServletResponse response = (HttpServletResponse) getResponse();
		if (this.bodyWritten || response.isCommitted() || response.getStatus() != HttpServletResponse.SC_UNAUTHORIZED
				|| !isBearerTokenError(response.getHeader(HttpHeaders.WWW_AUTHENTICATE))) {
			return;
		}
		MtlsAuthenticationToken certificate = MtlsAuthenticationFilter.certificateOf(request);
		if (certificate != null && certificate.getPrincipal() instanceof MyDataOperator operator) {
			errorWriter.write(request, response, MtlsReason.TOKEN_INVALID, operator.certificateFingerprint(),
					operator.orgCodes());
		}
		else {
			errorWriter.write(request, response, MtlsReason.TOKEN_INVALID, null, List.of());
		}
	}

	private static boolean isBearerTokenError(@Nullable String header) {
		return header != null && header.regionMatches(true, 0, "Bearer", 0, 6) && header.contains("error=");
	}

}
