package io.github.mtls.spring.security;

import java.security.cert.X509Certificate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.Assert;

import io.github.mtls.spring.source.ClientCertificateSource;
import io.github.mtls.spring.source.ForwardedClientCertificateSource;

/**
 * Turns a request's client certificate chain, from a {@link ClientCertificateSource},
 * into an unauthenticated {@link MtlsAuthenticationToken}; {@code null} when there is
 * none, so that permit-all paths stay reachable without a certificate.
 *
 * @author mtls-spring-boot
 */
public final class MtlsAuthenticationConverter implements AuthenticationConverter {

	private final ClientCertificateSource source;

	/**
	 * Create a converter.
	 * @param source where certificates come from
	 */
	public MtlsAuthenticationConverter(ClientCertificateSource source) {
		Assert.notNull(source, "source cannot be null");
		this.source = source;
	}

	@Override
	public @Nullable Authentication convert(HttpServletRequest request) {
		List<X509Certificate> chain = this.source.resolve(request);
		return chain.isEmpty() ? null
				: MtlsAuthenticationToken.unauthenticated(chain, ForwardedClientCertificateSource.originOf(request));
	}

}
