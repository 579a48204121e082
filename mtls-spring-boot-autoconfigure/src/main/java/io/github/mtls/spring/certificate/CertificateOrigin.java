package io.github.mtls.spring.certificate;

/**
 * Where a client certificate chain came from.
 *
 * @author mtls-spring-boot
 */
public enum CertificateOrigin {

	/** The TLS peer presented it on this connection. */
	DIRECT,

	/** A trusted proxy forwarded it in a request header. */
	FORWARDED

}
