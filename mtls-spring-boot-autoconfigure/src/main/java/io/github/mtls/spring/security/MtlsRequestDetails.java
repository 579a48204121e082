package io.github.mtls.spring.security;

import java.io.Serial;
import java.io.Serializable;

import org.springframework.util.Assert;

/**
 * The details of an {@link MtlsAuthenticationToken}: what the request tells besides its
 * certificate, read once by the converter. The provider checks operators' IP allowlists
 * against {@link #clientAddress()}.
 *
 * @param clientAddress the caller's address, from the
 * {@link io.github.mtls.spring.source.ClientAddressResolver}
 * @author mtls-spring-boot
 */
public record MtlsRequestDetails(String clientAddress) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	public MtlsRequestDetails {
		Assert.notNull(clientAddress, "clientAddress cannot be null");
	}

}
