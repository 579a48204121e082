package io.github.mtls.spring.autoconfigure;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

import io.github.mtls.spring.certificate.Sha256Fingerprint;
import io.github.mtls.spring.header.CachingHeaderDecoder;
import io.github.mtls.spring.net.IpAddressRange;
import io.github.mtls.spring.source.ClientAddressResolver;
import io.github.mtls.spring.source.ClientCertificateSource;
import io.github.mtls.spring.source.DirectClientCertificateSource;
import io.github.mtls.spring.source.ForwardedClientCertificateSource;
import io.github.mtls.spring.source.TrustedProxies;
import io.github.mtls.spring.source.TrustedProxyClientAddressResolver;

/**
 * Where client certificates come from ({@code mtls.source}) and the trusted proxies that
 * may forward them ({@code mtls.forwarded.*}): the {@link TrustedProxies}, the
 * {@link ClientCertificateSource} and the proxy-aware {@link ClientAddressResolver}.
 * Fails startup on an unparseable address or fingerprint, naming the key, and warns when
 * Tomcat's header limit is below {@code max-header-bytes}.
 *
 * @author mtls-spring-boot
 */
@Configuration(proxyBeanMethods = false)
class ForwardedCertificateConfiguration {

	/**
	 * Header values whose decoded certificates are remembered.
	 */
	static final int DECODED_HEADER_CACHE_SIZE = 256;

	private static final Log logger = LogFactory.getLog(ForwardedCertificateConfiguration.class);

	private static final DataSize TOMCAT_DEFAULT_MAX_HEADER_SIZE = DataSize.ofKilobytes(8);

	@Bean
	@ConditionalOnMissingBean
	TrustedProxies mtlsTrustedProxies(MtlsProperties properties) {
		MtlsProperties.Forwarded forwarded = properties.forwarded();
		List<String> addresses = forwarded.trustedProxies();
		for (int i = 0; i < addresses.size(); i++) {
			try {
				IpAddressRange.of(addresses.get(i));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidConfigurationPropertyValueException("mtls.forwarded.trusted-proxies[" + i + "]",
						addresses.get(i), ex.getMessage());
			}
		}
		Set<Sha256Fingerprint> fingerprints = new LinkedHashSet<>();
		List<String> certificates = forwarded.trustedProxyCertificates();
		for (int i = 0; i < certificates.size(); i++) {
			try {
				fingerprints.add(Sha256Fingerprint.parse(certificates.get(i)));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidConfigurationPropertyValueException(
						"mtls.forwarded.trusted-proxy-certificates[" + i + "]", certificates.get(i), ex.getMessage());
			}
		}
		return new TrustedProxies(addresses, fingerprints);
	}

	@Bean
	@ConditionalOnMissingBean
	ClientCertificateSource mtlsClientCertificateSource(MtlsProperties properties, TrustedProxies trustedProxies,
			Environment environment) {
		// With a partner port, a direct chain counts only on the partner connector: the
		// main port serves callers who are not operators.
		DirectClientCertificateSource direct = properties.connector().isConfigured()
				? DirectClientCertificateSource.partnerConnectorOnly() : new DirectClientCertificateSource();
		if (properties.source() == MtlsProperties.Source.DIRECT) {
			return direct;
		}
		MtlsProperties.Forwarded forwarded = properties.forwarded();
		long maxHeaderBytes = forwarded.maxHeaderBytes().toBytes();
		if (maxHeaderBytes <= 0 || maxHeaderBytes > Integer.MAX_VALUE) {
			throw new InvalidConfigurationPropertyValueException("mtls.forwarded.max-header-bytes",
					forwarded.maxHeaderBytes(), "Expected a positive size of at most 2GB.");
		}
		if (!trustedProxies.isConfigured()) {
			if (properties.source() == MtlsProperties.Source.FORWARDED) {
				logger.warn("mtls.source is forwarded but no mtls.forwarded.trusted-proxies or "
						+ "trusted-proxy-certificates are configured: no request can be authenticated");
			}
		}
		else {
			warnIfTomcatHeaderLimitIsLower(forwarded.maxHeaderBytes(), environment);
		}
		ForwardedClientCertificateSource source = new ForwardedClientCertificateSource(trustedProxies,
				forwarded.header(), forwarded.chainHeader(),
				new CachingHeaderDecoder(forwarded.format().decoder(), DECODED_HEADER_CACHE_SIZE));
		source.setMaxHeaderBytes((int) maxHeaderBytes);
		source.setUntrustedHeaderPolicy(forwarded.onUntrustedHeader());
		source.setForwardedOnly(properties.source() == MtlsProperties.Source.FORWARDED);
		source.setDirectSource(direct);
		return source;
	}

	@Bean
	@ConditionalOnMissingBean
	ClientAddressResolver mtlsClientAddressResolver(MtlsProperties properties, TrustedProxies trustedProxies) {
		if (properties.source() == MtlsProperties.Source.DIRECT || !trustedProxies.isConfigured()) {
			return ClientAddressResolver.peerAddress();
		}
		return new TrustedProxyClientAddressResolver(trustedProxies, properties.forwarded().clientAddressHeader());
	}

	private static void warnIfTomcatHeaderLimitIsLower(DataSize maxHeaderBytes, Environment environment) {
		DataSize tomcatLimit = environment.getProperty("server.max-http-request-header-size", DataSize.class,
				TOMCAT_DEFAULT_MAX_HEADER_SIZE);
		if (tomcatLimit.compareTo(maxHeaderBytes) < 0) {
			logger.warn("server.max-http-request-header-size (" + tomcatLimit.toBytes()
					+ " bytes) is below mtls.forwarded.max-header-bytes (" + maxHeaderBytes.toBytes()
					+ " bytes): Tomcat refuses larger forwarded certificate headers with a plain 400; "
					+ "raise server.max-http-request-header-size");
		}
	}

}
