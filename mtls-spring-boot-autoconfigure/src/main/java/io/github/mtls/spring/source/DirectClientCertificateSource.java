package io.github.mtls.spring.source;

import java.security.cert.X509Certificate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Takes the chain the TLS peer presented on this connection, as the servlet container
 * exposes it in the {@value #CERTIFICATE_ATTRIBUTE} request attribute.
 *
 * @author mtls-spring-boot
 */
public final class DirectClientCertificateSource implements ClientCertificateSource {

	/**
	 * The servlet request attribute holding the TLS peer's certificate chain.
	 */
	public static final String CERTIFICATE_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

	@Override
	public List<X509Certificate> resolve(HttpServletRequest request) {
		Object attribute = request.getAttribute(CERTIFICATE_ATTRIBUTE);
		if (!(attribute instanceof X509Certificate[] chain) || chain.length == 0) {
			return List.of();
		}
		return List.of(chain);
	}

}
