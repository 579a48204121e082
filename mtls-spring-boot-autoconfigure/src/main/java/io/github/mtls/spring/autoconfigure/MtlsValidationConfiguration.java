package io.github.mtls.spring.autoconfigure;

import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import io.github.mtls.spring.observability.CertificateInventory;
import io.github.mtls.spring.validation.CachingCertificateValidator;
import io.github.mtls.spring.validation.CertificateValidator;
import io.github.mtls.spring.validation.ExtendedKeyUsages;
import io.github.mtls.spring.validation.ObjectIdentifier;
import io.github.mtls.spring.validation.PkixCertificateValidator;
import io.github.mtls.spring.validation.TrustAnchors;
import io.github.mtls.spring.validation.TrustAnchorsReload;
import io.github.mtls.spring.validation.revocation.RevocationChecker;

/**
 * Chain validation: the trust anchors, the PKIX validator with its key usage, policy and
 * revocation checks, the cache of successful validations, and the reload of anchors when
 * their SSL bundle changes.
 *
 * @author mtls-spring-boot
 */
@Configuration(proxyBeanMethods = false)
@Import(MtlsRevocationConfiguration.class)
class MtlsValidationConfiguration {

	private static final Log logger = LogFactory.getLog(MtlsValidationConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	CertificateValidator mtlsCertificateValidator(MtlsProperties properties, TrustAnchors trustAnchors,
			SslBundles sslBundles, Environment environment, ObjectProvider<RevocationChecker> revocationChecker,
			ObjectProvider<StarterTrustAnchors> starterTrustAnchors) {
		MtlsProperties.Validation validation = properties.validation();
		PkixCertificateValidator pkix = new PkixCertificateValidator(trustAnchors, extendedKeyUsages(validation),
				validation.clockSkew());
		pkix.setMaxPathLength(validation.maxChainLength());
		pkix.setRequiredPolicies(policies(validation.requiredPolicies()));
		pkix.setRevalidateForwarded(validation.revalidateForwarded());
		if (!validation.revalidateForwarded()) {
			logger.warn("mtls.validation.revalidate-forwarded is false: forwarded client certificates are not "
					+ "checked against the trust anchors, so the proxy's word alone decides who is trusted");
		}
		if (validation.intermediatesBundle() != null) {
			pkix.setIntermediates(intermediates(sslBundles, validation.intermediatesBundle()));
		}
		revocationChecker.ifAvailable((checker) -> pkix.setRevocationChecker(checker,
				validation.revocationFailure() == MtlsProperties.Validation.RevocationFailure.OPEN));
		MtlsProperties.Validation.Cache cache = validation.cache();
		CachingCertificateValidator caching = (cache.maxEntries() > 0)
				? new CachingCertificateValidator(pkix, cache.maxEntries(), cache.ttl(), Clock.systemUTC()) : null;
		if (starterTrustAnchors.getIfAvailable() != null) {
			reloadAnchors(properties, sslBundles, environment, pkix, caching);
		}
		else {
			logger.info("Client CA trust anchors come from the application's own TrustAnchors bean: the starter "
					+ "does not replace them when an SSL bundle is updated");
		}
		return (caching != null) ? caching : pkix;
	}

	@Bean
	@ConditionalOnMissingBean
	CertificateInventory mtlsCertificateInventory(CertificateValidator validator, TrustAnchors trustAnchors,
			SslBundles sslBundles, ObjectProvider<ServerProperties> serverProperties, MtlsProperties properties) {
		PkixCertificateValidator pkix = pkix(validator);
		ServerProperties server = serverProperties.getIfAvailable();
		String partnerBundle = (properties.connector().port() != null) ? properties.connector().sslBundle() : null;
		return new CertificateInventory(
				new ServerCertificateChain((server != null) ? server.getSsl() : null, sslBundles, partnerBundle),
				(pkix != null) ? pkix::getTrustAnchors : () -> trustAnchors,
				(pkix != null) ? pkix::getIntermediates : List::of);
	}

	/**
	 * Return the starter's PKIX validator inside a validator bean, if it is one.
	 * @param validator the bean
	 * @return the PKIX validator, or {@code null} when the application supplied its own
	 */
	static @Nullable PkixCertificateValidator pkix(CertificateValidator validator) {
		CertificateValidator inner = (validator instanceof CachingCertificateValidator caching) ? caching.getDelegate()
				: validator;
		return (inner instanceof PkixCertificateValidator pkix) ? pkix : null;
	}

	/**
	 * Return the starter's validation cache, if the validator bean is one.
	 * @param validator the bean
	 * @return the cache, or {@code null}
	 */
	static @Nullable CachingCertificateValidator caching(CertificateValidator validator) {
		return (validator instanceof CachingCertificateValidator caching) ? caching : null;
	}

	private static void reloadAnchors(MtlsProperties properties, SslBundles sslBundles, Environment environment,
			PkixCertificateValidator pkix, @Nullable CachingCertificateValidator caching) {
		String bundle = anchorBundle(properties, environment);
		if (bundle == null) {
			logger.info("Client CA trust anchors come from server.ssl trust-store properties and stay fixed until "
					+ "restart; name an SSL bundle with reload-on-update in mtls.trust-bundle to reload them");
			return;
		}
		TrustAnchorsReload reload = new TrustAnchorsReload(pkix, caching, "SSL bundle '" + bundle + "'");
		sslBundles.addBundleUpdateHandler(bundle, (updated) -> reload.reload(updated.getStores().getTrustStore()));
	}

	private static @Nullable String anchorBundle(MtlsProperties properties, Environment environment) {
		if (properties.trustBundle() != null && !properties.trustBundle().isBlank()) {
			return properties.trustBundle();
		}
		String partnerBundle = TrustAnchorsLoader.partnerBundle(properties);
		if (partnerBundle != null) {
			return partnerBundle;
		}
		return Binder.get(environment).bind("server.ssl.bundle", String.class).orElse(null);
	}

	private static List<String> extendedKeyUsages(MtlsProperties.Validation validation) {
		try {
			return ExtendedKeyUsages.toOids(validation.requiredExtendedKeyUsage());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException("mtls.validation.required-extended-key-usage",
					validation.requiredExtendedKeyUsage(), ex.getMessage());
		}
	}

	private static List<String> policies(List<String> configured) {
		List<String> policies = new ArrayList<>(configured.size());
		for (int i = 0; i < configured.size(); i++) {
			String policy = configured.get(i).trim();
			if (!ObjectIdentifier.isDotted(policy)) {
				throw new InvalidConfigurationPropertyValueException("mtls.validation.required-policies[" + i + "]",
						configured.get(i), "A certificate policy is a dotted OID, such as 1.2.410.200005.1.1.1.");
			}
			policies.add(policy);
		}
		return policies;
	}

	private static List<X509Certificate> intermediates(SslBundles sslBundles, String bundleName) {
		KeyStore store;
		try {
			store = sslBundles.getBundle(bundleName).getStores().getTrustStore();
		}
		catch (NoSuchSslBundleException ex) {
			throw new InvalidConfigurationPropertyValueException("mtls.validation.intermediates-bundle", bundleName,
					"No spring.ssl.bundle of that name is configured.");
		}
		if (store == null) {
			throw new InvalidConfigurationPropertyValueException("mtls.validation.intermediates-bundle", bundleName,
					"The bundle needs a trust store holding the intermediate CA certificates.");
		}
		try {
			return TrustAnchors.certificatesOf(store);
		}
		catch (KeyStoreException ex) {
			throw new InvalidConfigurationPropertyValueException("mtls.validation.intermediates-bundle", bundleName,
					"Its trust store could not be read.");
		}
	}

	/**
	 * The starter's own trust anchors, loaded from {@code mtls.trust-bundle} or the
	 * server trust store, with a marker that says so. Only these are replaced when their
	 * bundle is updated: anchors the application declares are its own to manage, and
	 * replacing them with the server trust store (behind a WAF, the proxy's CA) would
	 * trust the wrong issuer.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(TrustAnchors.class)
	static class StarterTrustAnchorsConfiguration {

		@Bean
		TrustAnchors mtlsTrustAnchors(MtlsProperties properties, SslBundles sslBundles, Environment environment) {
			return TrustAnchorsLoader.load(properties, sslBundles, environment);
		}

		@Bean
		StarterTrustAnchors mtlsStarterTrustAnchors() {
			return new StarterTrustAnchors();
		}

	}

	/**
	 * Marks that the {@link TrustAnchors} bean is the starter's own, so that it reloads
	 * them.
	 */
	static final class StarterTrustAnchors {

	}

}
