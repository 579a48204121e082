package io.github.mtls.spring.security;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.Assert;

import io.github.mtls.spring.error.MtlsAuthenticationException;
import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.source.ClientAddressResolver;
import io.github.mtls.spring.source.ClientCertificate;
import io.github.mtls.spring.source.ClientCertificateSource;
import io.github.mtls.spring.source.ServerConnector;

/**
 * Turns what a {@link ClientCertificateSource} resolved into an unauthenticated
 * {@link MtlsAuthenticationToken}; {@code null} when there is no certificate, so that
 * permit-all paths stay reachable without one. A refusal in the source's
 * {@link ClientCertificate} becomes the {@link MtlsAuthenticationException} that Spring
 * Security's {@link AuthenticationConverter} contract demands: this is the seam where a
 * result turns into an exception. The token's details are an {@link MtlsRequestDetails}
 * carrying the caller's address (from the source when it knows it, else from the
 * {@link ClientAddressResolver}, given the source's trusted-proxy decision), which IP
 * allowlists are checked against.
 *
 * @author mtls-spring-boot
 */
public final class MtlsAuthenticationConverter implements AuthenticationConverter {

	private final ClientCertificateSource source;

	private ClientAddressResolver clientAddressResolver = ClientAddressResolver.peerAddress();

	/**
	 * Create a converter.
	 * @param source where certificates come from
	 */
	public MtlsAuthenticationConverter(ClientCertificateSource source) {
		Assert.notNull(source, "source cannot be null");
		this.source = source;
	}

	/**
	 * Set where the caller's address comes from; the TCP peer address by default.
	 * @param clientAddressResolver the resolver
	 */
	public void setClientAddressResolver(ClientAddressResolver clientAddressResolver) {
		Assert.notNull(clientAddressResolver, "clientAddressResolver cannot be null");
		this.clientAddressResolver = clientAddressResolver;
	}

	@Override
	public @Nullable Authentication convert(HttpServletRequest request) {
		return convert(request, resolve(request));
	}

	/**
	 * Resolve the request's client certificate from the source.
	 * @param request the request
	 * @return what the source resolved
	 */
	ClientCertificate resolve(HttpServletRequest request) {
		return this.source.resolve(request);
	}

	/**
	 * Turn what the source resolved into a token.
	 * @param request the request
	 * @param certificate what the source resolved for it
	 * @return the unauthenticated token, or {@code null} when there is no certificate
	 * @throws MtlsAuthenticationException when the source refused the request
	 */
	@Nullable MtlsAuthenticationToken convert(HttpServletRequest request, ClientCertificate certificate) {
		MtlsReason refusal = certificate.refusal();
		if (refusal != null) {
			throw new MtlsAuthenticationException(refusal);
		}
		if (!certificate.isPresent()) {
			return null;
		}
		MtlsAuthenticationToken token = MtlsAuthenticationToken.unauthenticated(certificate);
		String clientAddress = certificate.clientAddress();
		if (clientAddress == null) {
			clientAddress = this.clientAddressResolver.resolve(request, certificate);
		}
		token.setDetails(new MtlsRequestDetails(clientAddress, ServerConnector.of(request)));
		return token;
	}

}
