package io.github.mtls.spring.autoconfigure;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import io.github.mtls.spring.validation.revocation.CrlRefresher;
import io.github.mtls.spring.validation.revocation.CrlRevocationChecker;
import io.github.mtls.spring.validation.revocation.OcspRevocationChecker;
import io.github.mtls.spring.validation.revocation.OcspThenCrlRevocationChecker;
import io.github.mtls.spring.validation.revocation.RevocationChecker;
import io.github.mtls.spring.validation.revocation.RevocationFetcher;
import io.github.mtls.spring.validation.revocation.RevocationSourceFailures;

/**
 * The revocation checker of {@code mtls.validation.revocation} when it is not
 * {@code none}. The CRL checker's background refresh runs on the starter's scheduler and
 * stops with the context. OCSP and CRL share one memory of failed sources, which the
 * metrics count.
 *
 * @author mtls-spring-boot
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RevocationConditions.Enabled.class)
class MtlsRevocationConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RevocationSourceFailures mtlsRevocationSourceFailures() {
		return new RevocationSourceFailures();
	}

	private static RevocationFetcher fetcher(MtlsProperties.Validation validation) {
		return new RevocationFetcher(validation.revocationConnectTimeout(), validation.revocationReadTimeout());
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

	/**
	 * The starter's checker, and the CRL checker's background refresh on the starter's
	 * scheduler; both back off when the application declares a {@link RevocationChecker}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(RevocationChecker.class)
	static class StarterRevocationCheckerConfiguration {

		@Bean
		@Conditional(RevocationConditions.UsesCrl.class)
		CrlRefresher mtlsCrlRefresher(MtlsProperties properties, RevocationSourceFailures failures,
				MtlsBackgroundScheduler scheduler) {
			return new CrlRefresher(crl(fetcher(properties.validation()), properties.validation(), failures),
					scheduler.scheduler());
		}

		@Bean
		RevocationChecker mtlsRevocationChecker(MtlsProperties properties, RevocationSourceFailures failures,
				ObjectProvider<CrlRefresher> crlRefresher) {
			MtlsProperties.Validation validation = properties.validation();
			if (validation.revocation() == MtlsProperties.Validation.Revocation.OCSP) {
				return ocsp(fetcher(validation), validation, failures);
			}
			CrlRevocationChecker crl = crlRefresher.getObject().getChecker();
			if (validation.revocation() == MtlsProperties.Validation.Revocation.CRL) {
				return crl;
			}
			return new OcspThenCrlRevocationChecker(ocsp(fetcher(validation), validation, failures), crl);
		}

	}

}
