package io.github.mtls.spring.source;

import java.security.cert.X509Certificate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import io.github.mtls.spring.error.MtlsAuthenticationException;

/**
 * Resolves the client certificate chain of a request, the way Spring Security's
 * {@code BearerTokenResolver} resolves a token.
 *
 * @author mtls-spring-boot
 */
@FunctionalInterface
public interface ClientCertificateSource {

	/**
	 * Resolve the request's client certificate chain, leaf first.
	 * @param request the request
	 * @return the chain, or an empty list when the request carries no client certificate
	 * @throws MtlsAuthenticationException when a certificate is present but unusable
	 */
	List<X509Certificate> resolve(HttpServletRequest request) throws MtlsAuthenticationException;

}
