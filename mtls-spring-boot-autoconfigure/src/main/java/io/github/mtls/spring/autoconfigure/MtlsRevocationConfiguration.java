package io.github.mtls.spring.autoconfigure;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.mtls.spring.validation.revocation.CrlRevocationChecker;
import io.github.mtls.spring.validation.revocation.OcspRevocationChecker;
import io.github.mtls.spring.validation.revocation.OcspThenCrlRevocationChecker;
import io.github.mtls.spring.validation.revocation.RevocationChecker;
import io.github.mtls.spring.validation.revocation.RevocationFetcher;
import io.github.mtls.spring.validation.revocation.RevocationSourceFailures;

/**
 * The revocation checker of {@code mtls.validation.revocation} when it is not
 * {@code none}. The CRL checker's background refresh stops with the context. OCSP and CRL
 * share one memory of failed sources, which the metrics count.
 *
 * @author mtls-spring-boot
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${mtls.validation.revocation:none}'.equalsIgnoreCase('none')")
class MtlsRevocationConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RevocationSourceFailures mtlsRevocationSourceFailures() {
		return new RevocationSourceFailures();
	}

	@Bean
	@ConditionalOnMissingBean
	RevocationChecker mtlsRevocationChecker(MtlsProperties properties, RevocationSourceFailures failures) {
		MtlsProperties.Validation validation = properties.validation();
		RevocationFetcher fetcher = new RevocationFetcher(validation.revocationConnectTimeout(),
				validation.revocationReadTimeout());
		switch (validation.revocation()) {
			case OCSP:
				return ocsp(fetcher, validation, failures);
			case CRL:
				return crl(fetcher, validation, failures);
			default:
				return new OcspThenCrlRevocationChecker(ocsp(fetcher, validation, failures),
						crl(fetcher, validation, failures));
		}
	}

	private static OcspRevocationChecker ocsp(RevocationFetcher fetcher, MtlsProperties.Validation validation,
			RevocationSourceFailures failures) {
		OcspRevocationChecker checker = new OcspRevocationChecker(fetcher, responder(validation.ocspResponder()));
		checker.setMaxAge(validation.ocspMaxAge());
		checker.setClockSkew(validation.clockSkew());
		checker.setSourceFailures(failures);
		return checker;
	}

	private static CrlRevocationChecker crl(RevocationFetcher fetcher, MtlsProperties.Validation validation,
			RevocationSourceFailures failures) {
		List<URI> locations = new ArrayList<>();
		for (int i = 0; i < validation.crlLocations().size(); i++) {
			String location = validation.crlLocations().get(i);
			locations.add(location("mtls.validation.crl-locations[" + i + "]", location, true));
		}
		CrlRevocationChecker checker = new CrlRevocationChecker(fetcher, locations);
		checker.setSourceFailures(failures);
		checker.start();
		return checker;
	}

	private static @Nullable URI responder(@Nullable String responder) {
		return (responder != null && !responder.isBlank())
				? location("mtls.validation.ocsp-responder", responder, false) : null;
	}

	private static URI location(String key, String value, boolean files) {
		try {
			URI uri = URI.create(value.trim());
			if (RevocationFetcher.isSupported(uri, files)) {
				return uri;
			}
		}
		catch (IllegalArgumentException ex) {
			// Reported below.
		}
		throw new InvalidConfigurationPropertyValueException(key, value,
				files ? "Expected an http, https or file: URL." : "Expected an http or https URL.");
	}

}
