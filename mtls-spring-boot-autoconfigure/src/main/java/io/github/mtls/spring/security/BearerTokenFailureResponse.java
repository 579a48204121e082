package io.github.mtls.spring.security;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogMessage;
import org.springframework.http.HttpHeaders;

import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.mydata.MyDataOperator;

/**
 * Watches the response the rest of the chain writes for a refused access token: Spring
 * Security's bearer token entry point answers 401 with a {@code WWW-Authenticate: Bearer
 * error="..."} header and no body. Such a response gets the MyData body of
 * {@link MtlsReason#TOKEN_INVALID}, or of {@link MtlsReason#TOKEN_NOT_BOUND} when the
 * token's certificate thumbprint was refused (and its audit line), the header kept,
 * whatever entry point the user's resource-server configuration has, as long as it wrote
 * no body of its own.
 *
 * @author mtls-spring-boot
 */
final class BearerTokenFailureResponse extends HttpServletResponseWrapper {

	private static final Log logger = LogFactory.getLog(BearerTokenFailureResponse.class);

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
		write(request, response, errorWriter, reasonOf(response.getHeader(HttpHeaders.WWW_AUTHENTICATE)));
	}

	private static void write(HttpServletRequest request, HttpServletResponse response, MtlsErrorWriter errorWriter,
			MtlsReason reason) throws IOException {
		MtlsAuthenticationToken certificate = MtlsAuthenticationFilter.certificateOf(request);
		if (certificate != null && certificate.getPrincipal() instanceof MyDataOperator operator) {
			errorWriter.write(request, response, reason, operator.certificateFingerprint(), operator.orgCodes());
		}
		else {
			errorWriter.write(request, response, reason, null, List.of());
		}
	}

	/**
	 * Answer a fault of the chain's authentication filters while they read an access
	 * token with the MyData body of {@link MtlsReason#TOKEN_INVALID} rather than a 500:
	 * Spring Security 7.1's bearer token filter, for one, throws an
	 * {@code IllegalArgumentException} for a correctly signed token whose {@code cnf}
	 * claim is not a JSON object. Only faults before the {@link MyDataCallFilter} (that
	 * is, before authorization and the application) of a request that carries an
	 * {@code Authorization} header are answered; anything else is left to propagate.
	 * @param request the request
	 * @param errorWriter writes the body
	 * @param fault what the chain threw
	 * @return {@code true} if the fault was answered
	 * @throws IOException if the response cannot be written
	 */
	boolean completeAuthenticationFault(HttpServletRequest request, MtlsErrorWriter errorWriter, RuntimeException fault)
			throws IOException {
		HttpServletResponse response = (HttpServletResponse) getResponse();
		if (MyDataCallFilter.isReached(request) || response.isCommitted()
				|| request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
			return false;
		}
		MtlsAuthenticationToken certificate = MtlsAuthenticationFilter.certificateOf(request);
		String fingerprint = (certificate != null && certificate.getPrincipal() instanceof MyDataOperator operator)
				? operator.certificateFingerprint() : null;
		// The class only: the message of a claim conversion may quote the token's claims.
		logger.warn(LogMessage.format("Access token authentication failed with %s; answered as an invalid token%s",
				fault.getClass().getName(), (fingerprint != null) ? " (certificate " + fingerprint + ")" : ""));
		logger.debug("Access token authentication failure", fault);
		response.resetBuffer();
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
		write(request, response, errorWriter, MtlsReason.TOKEN_INVALID);
		return true;
	}

	/**
	 * A token whose certificate thumbprint ({@code cnf.x5t#S256}) Spring Security's
	 * {@code X509CertificateThumbprintValidator} refused is bound to another certificate,
	 * or to one the request does not present: the audit names the binding, not an invalid
	 * token. The validator's descriptions are the only sign of it in the response; the
	 * tests pin them.
	 * @param header the {@code WWW-Authenticate} header Spring Security wrote
	 * @return the reason to audit
	 */
	private static MtlsReason reasonOf(String header) {
		return (header.contains("Thumbprint for X509Certificate")
				|| header.contains("Unable to obtain X509Certificate")) ? MtlsReason.TOKEN_NOT_BOUND
						: MtlsReason.TOKEN_INVALID;
	}

	private static boolean isBearerTokenError(@Nullable String header) {
		return header != null && header.regionMatches(true, 0, "Bearer", 0, 6) && header.contains("error=");
	}

}
