package io.github.mtls.spring.source;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Resolves the client certificate of a request, the way Spring Security's
 * {@code BearerTokenResolver} resolves a token. Declare a bean of this type to replace
 * the starter's: return {@link ClientCertificate#forwarded} for a chain read from a
 * header and {@link ClientCertificate#refused} to refuse a request; no request attribute
 * needs to be set.
 *
 * @author mtls-spring-boot
 */
@FunctionalInterface
public interface ClientCertificateSource {

	/**
	 * Resolve the request's client certificate.
	 * @param request the request
	 * @return the chain with where it came from, {@link ClientCertificate#absent()} when
	 * the request carries no client certificate, or {@link ClientCertificate#refused}
	 * when one is present but unusable
	 */
	ClientCertificate resolve(HttpServletRequest request);

}
