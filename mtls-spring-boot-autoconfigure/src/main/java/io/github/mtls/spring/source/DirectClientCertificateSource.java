package io.github.mtls.spring.source;

import java.security.cert.X509Certificate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Takes the chain the TLS peer presented on this connection, as the servlet container
 * exposes it in the {@value #CERTIFICATE_ATTRIBUTE} request attribute. With a partner
 * port ({@link #partnerConnectorOnly()}) only requests on the partner connector have one:
 * a certificate a client sent to the main port (where {@code server.ssl.client-auth} may
 * ask for one) is never read.
 *
 * @author mtls-spring-boot
 */
public final class DirectClientCertificateSource implements ClientCertificateSource {

	/**
	 * The servlet request attribute holding the TLS peer's certificate chain.
	 */
	public static final String CERTIFICATE_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

	private final boolean partnerConnectorOnly;

	/**
	 * Create a source that reads the chain on every connector.
	 */
	public DirectClientCertificateSource() {
		this(false);
	}

	private DirectClientCertificateSource(boolean partnerConnectorOnly) {
		this.partnerConnectorOnly = partnerConnectorOnly;
	}

	/**
	 * Return a source that reads the chain only of requests on the partner connector
	 * ({@link ServerConnector#PARTNER}).
	 * @return the source
	 */
	public static DirectClientCertificateSource partnerConnectorOnly() {
		return new DirectClientCertificateSource(true);
	}

	@Override
	public ClientCertificate resolve(HttpServletRequest request) {
		if (this.partnerConnectorOnly && ServerConnector.of(request) != ServerConnector.PARTNER) {
			return ClientCertificate.absent();
		}
		Object attribute = request.getAttribute(CERTIFICATE_ATTRIBUTE);
		if (!(attribute instanceof X509Certificate[] chain) || chain.length == 0) {
			return ClientCertificate.absent();
		}
		return ClientCertificate.direct(List.of(chain));
	}

}
