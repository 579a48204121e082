package io.github.mtls.spring.security;

import java.security.cert.X509Certificate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.Assert;

import io.github.mtls.spring.source.ClientAddressResolver;
import io.github.mtls.spring.source.ClientCertificateSource;
import io.github.mtls.spring.source.ForwardedClientCertificateSource;
import io.github.mtls.spring.source.ServerConnector;

/**
 * Turns a request's client certificate chain, from a {@link ClientCertificateSource},
 * into an unauthenticated {@link MtlsAuthenticationToken}; {@code null} when there is
 * none, so that permit-all paths stay reachable without a certificate. The token's
 * details are an {@link MtlsRequestDetails} carrying the caller's address from the
 * {@link ClientAddressResolver} (the TCP peer unless set otherwise), which IP allowlists
 * are checked against.
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
		List<X509Certificate> chain = this.source.resolve(request);
		if (chain.isEmpty()) {
			return null;
		}
		MtlsAuthenticationToken token = MtlsAuthenticationToken.unauthenticated(chain,
				ForwardedClientCertificateSource.originOf(request));
		String clientAddress = this.clientAddressResolver.resolve(request);
		request.setAttribute(MtlsRequestDetails.CLIENT_ADDRESS_ATTRIBUTE, clientAddress);
		token.setDetails(new MtlsRequestDetails(clientAddress, ServerConnector.of(request)));
		return token;
	}

}
