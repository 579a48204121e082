package io.github.mtls.spring.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.server.Ssl;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The partner connector's settings ({@code mtls.connector.*}), checked at startup: the
 * port must be free of {@code server.port} and {@code management.server.port}, client
 * authentication must be need or want, and the TLS material (the named SSL bundle, else
 * {@code server.ssl}) must hold a key and a client CA trust store. A failure names the
 * key.
 *
 * @param port the partner port
 * @param sslBundle the SSL bundle of its TLS, or {@code null} for {@code server.ssl}'s
 * @param clientAuth need or want
 * @param paths the path patterns served on the partner port only
 * @author mtls-spring-boot
 */
record PartnerConnectorSettings(int port, @Nullable String sslBundle, MtlsProperties.ClientAuth clientAuth,
		List<String> paths) {

	private static final int DEFAULT_SERVER_PORT = 8080;

	static PartnerConnectorSettings of(MtlsProperties properties, SslBundles sslBundles, Environment environment) {
		MtlsProperties.Connector connector = properties.connector();
		Integer port = connector.port();
		if (port == null) {
			throw new IllegalStateException("mtls.connector.port is not set");
		}
		if (port < 0 || port > 65535) {
			throw new InvalidConfigurationPropertyValueException("mtls.connector.port", port,
					"A TCP port is 0-65535 (0 picks a free one).");
		}
		if (port > 0) {
			Integer serverPort = environment.getProperty("server.port", Integer.class, DEFAULT_SERVER_PORT);
			if (port.equals(serverPort)) {
				throw new InvalidConfigurationPropertyValueException("mtls.connector.port", port,
						"The partner port must differ from server.port.");
			}
			if (port.equals(environment.getProperty("management.server.port", Integer.class))) {
				throw new InvalidConfigurationPropertyValueException("mtls.connector.port", port,
						"The partner port must differ from management.server.port.");
			}
		}
		if (properties.clientAuth() == MtlsProperties.ClientAuth.NONE) {
			throw new InvalidConfigurationPropertyValueException("mtls.client-auth", "none",
					"A partner port (mtls.connector.port) demands client certificates: use need or want.");
		}
		String bundleName = StringUtils.hasText(connector.sslBundle()) ? connector.sslBundle().trim() : null;
		if (bundleName != null) {
			checkBundle(sslBundles, bundleName);
		}
		else {
			checkServerSsl(sslBundles, environment);
		}
		return new PartnerConnectorSettings(port, bundleName, properties.clientAuth(), connector.paths());
	}

	private static void checkBundle(SslBundles sslBundles, String bundleName) {
		SslBundle bundle;
		try {
			bundle = sslBundles.getBundle(bundleName);
		}
		catch (NoSuchSslBundleException ex) {
			throw new InvalidConfigurationPropertyValueException("mtls.connector.ssl-bundle", bundleName,
					"No spring.ssl.bundle of that name is configured.");
		}
		if (bundle.getStores().getKeyStore() == null) {
			throw new InvalidConfigurationPropertyValueException("mtls.connector.ssl-bundle", bundleName,
					"The bundle needs a key store holding the partner connector's server key and certificate.");
		}
		if (bundle.getStores().getTrustStore() == null) {
			throw new InvalidConfigurationPropertyValueException("mtls.connector.ssl-bundle", bundleName,
					"The bundle needs a trust store holding the client CA certificates, "
							+ "or the handshake would trust the JVM's default CAs.");
		}
	}

	private static void checkServerSsl(SslBundles sslBundles, Environment environment) {
		Ssl ssl = Binder.get(environment).bind("server.ssl", Ssl.class).orElse(null);
		if (!Ssl.isEnabled(ssl)) {
			throw noServerSsl();
		}
		if (ssl.getBundle() != null) {
			try {
				if (sslBundles.getBundle(ssl.getBundle()).getStores().getTrustStore() != null) {
					return;
				}
			}
			catch (NoSuchSslBundleException ex) {
				// Boot reports the missing bundle itself.
				return;
			}
		}
		else if (ssl.getTrustStore() != null || ssl.getTrustCertificate() != null) {
			return;
		}
		throw new InvalidConfigurationPropertyValueException("mtls.connector.ssl-bundle", null,
				"It is unset, so the partner connector uses server.ssl, which has no trust store: name an SSL bundle "
						+ "with the client CA in its trust store, or configure server.ssl.trust-store.");
	}

	static InvalidConfigurationPropertyValueException noServerSsl() {
		return new InvalidConfigurationPropertyValueException("mtls.connector.ssl-bundle", null,
				"It is unset, so the partner connector uses server.ssl, which is not configured: name an SSL bundle "
						+ "with the partner connector's key and the client CA trust store.");
	}

}
