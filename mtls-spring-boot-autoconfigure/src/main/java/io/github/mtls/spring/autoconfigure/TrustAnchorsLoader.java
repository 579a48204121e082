package io.github.mtls.spring.autoconfigure;

import java.security.KeyStore;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerSslBundle;
import org.springframework.core.env.Environment;

import io.github.mtls.spring.validation.TrustAnchors;

/**
 * Loads the anchors callers must chain to: the trust store of the SSL bundle named by
 * {@code mtls.trust-bundle}, else the server's own SSL trust store: with a partner port,
 * the partner connector's ({@code mtls.connector.ssl-bundle} when set), so a plain-HTTP
 * main port needs no {@code server.ssl}.
 *
 * @author mtls-spring-boot
 */
final class TrustAnchorsLoader {

	private TrustAnchorsLoader() {
	}

	static TrustAnchors load(MtlsProperties properties, SslBundles sslBundles, Environment environment) {
		String bundleName = properties.trustBundle();
		if (bundleName != null && !bundleName.isBlank()) {
			SslBundle bundle;
			try {
				bundle = sslBundles.getBundle(bundleName);
			}
			catch (NoSuchSslBundleException ex) {
				throw new InvalidConfigurationPropertyValueException("mtls.trust-bundle", bundleName,
						"No spring.ssl.bundle of that name is configured.");
			}
			return fromTrustStore(bundle.getStores().getTrustStore(), "mtls.trust-bundle", bundleName);
		}
		String partnerBundle = partnerBundle(properties);
		if (partnerBundle != null) {
			SslBundle bundle;
			try {
				bundle = sslBundles.getBundle(partnerBundle);
			}
			catch (NoSuchSslBundleException ex) {
				throw new InvalidConfigurationPropertyValueException("mtls.connector.ssl-bundle", partnerBundle,
						"No spring.ssl.bundle of that name is configured.");
			}
			return fromTrustStore(bundle.getStores().getTrustStore(), "mtls.connector.ssl-bundle", partnerBundle);
		}
		Ssl ssl = Binder.get(environment).bind("server.ssl", Ssl.class).orElse(null);
		if (!Ssl.isEnabled(ssl)) {
			throw new MtlsStartupException(
					"The client CA trust anchors are unknown: mtls.trust-bundle is unset and the server has no SSL",
					"Name an SSL bundle holding the client CA certificates in mtls.trust-bundle, "
							+ "or configure server.ssl with a trust store.");
		}
		SslBundle bundle = WebServerSslBundle.get(ssl, sslBundles);
		boolean named = ssl.getBundle() != null;
		return fromTrustStore(bundle.getStores().getTrustStore(),
				named ? "server.ssl.bundle" : "server.ssl.trust-store", named ? ssl.getBundle() : ssl.getTrustStore());
	}

	/**
	 * Return the SSL bundle of the partner connector's TLS, when a partner port takes its
	 * own.
	 * @param properties the properties
	 * @return the bundle name, or {@code null}
	 */
	static @Nullable String partnerBundle(MtlsProperties properties) {
		MtlsProperties.Connector connector = properties.connector();
		if (!connector.isConfigured() || connector.sslBundle() == null || connector.sslBundle().isBlank()) {
			return null;
		}
		return connector.sslBundle().trim();
	}

	private static TrustAnchors fromTrustStore(@Nullable KeyStore trustStore, String key, @Nullable Object value) {
		if (trustStore == null) {
			throw new InvalidConfigurationPropertyValueException(key, value,
					"A trust store holding the client CA certificates is required.");
		}
		try {
			return TrustAnchors.of(trustStore);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(key, value, ex.getMessage());
		}
	}

}
