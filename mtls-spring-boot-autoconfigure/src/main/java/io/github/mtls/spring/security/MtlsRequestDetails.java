package io.github.mtls.spring.security;

import java.io.Serial;
import java.io.Serializable;

import org.springframework.util.Assert;

import io.github.mtls.spring.source.ServerConnector;

/**
 * The details of an {@link MtlsAuthenticationToken}: what the request tells besides its
 * certificate, read once by the converter. The provider checks operators' IP allowlists
 * against {@link #clientAddress()}.
 * <p>
 * Application code reads the caller's address from here
 * ({@code authentication.getDetails()}): the address after walking
 * {@code X-Forwarded-For} past trusted proxies, not the raw header, which any caller can
 * write.
 *
 * @param clientAddress the caller's address, from the
 * {@link io.github.mtls.spring.source.ClientAddressResolver}
 * @param connector the Tomcat connector the request came in on, for metrics and audit
 * @author mtls-spring-boot
 */
public record MtlsRequestDetails(String clientAddress, ServerConnector connector) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	public MtlsRequestDetails {
		Assert.notNull(clientAddress, "clientAddress cannot be null");
		Assert.notNull(connector, "connector cannot be null");
	}

	/**
	 * Create the details of a request on the main connector.
	 * @param clientAddress the caller's address
	 */
	public MtlsRequestDetails(String clientAddress) {
		this(clientAddress, ServerConnector.MAIN);
	}

}
