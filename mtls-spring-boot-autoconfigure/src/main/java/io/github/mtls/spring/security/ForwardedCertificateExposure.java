package io.github.mtls.spring.security;

import java.security.cert.X509Certificate;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;

import io.github.mtls.spring.certificate.CertificateOrigin;
import io.github.mtls.spring.source.DirectClientCertificateSource;

/**
 * Exposes an authenticated forwarded chain as the servlet attribute
 * {@value DirectClientCertificateSource#CERTIFICATE_ATTRIBUTE}, replacing the proxy's own
 * chain, so that Spring Security's X.509 support, RFC 8705 certificate-bound tokens
 * ({@code X509CertificateThumbprintValidator}) included, sees the caller's certificate
 * behind a proxy too. The attribute is set on the request itself, not a wrapper: the
 * thumbprint validator reads it through {@code RequestContextHolder}. The proxy's own
 * chain is not read here: when it was read to check the proxy's fingerprint, the token
 * carries it ({@link MtlsAuthenticationToken#getProxyChain()}); otherwise it is not read
 * at all, since Tomcat throws and catches an exception each time that attribute is read
 * on a connection without a client certificate, on every request.
 *
 * @author mtls-spring-boot
 */
final class ForwardedCertificateExposure {

	private ForwardedCertificateExposure() {
	}

	static void expose(HttpServletRequest request, Authentication authentication) {
		if (authentication instanceof MtlsAuthenticationToken token
				&& token.getOrigin() == CertificateOrigin.FORWARDED) {
			request.setAttribute(DirectClientCertificateSource.CERTIFICATE_ATTRIBUTE,
					token.getChain().toArray(new X509Certificate[0]));
		}
	}

}
