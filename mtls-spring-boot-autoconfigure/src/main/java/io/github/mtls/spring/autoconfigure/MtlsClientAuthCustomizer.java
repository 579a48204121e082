package io.github.mtls.spring.autoconfigure;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Sets the client authentication of embedded Tomcat from {@code mtls.client-auth}, after
 * Boot has copied {@code server.ssl} to the factory. Going through {@link Ssl} keeps the
 * setting whenever Boot builds Tomcat's {@code SSLHostConfig}, SSL bundle reloads
 * included.
 *
 * @author mtls-spring-boot
 */
class MtlsClientAuthCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private final MtlsProperties.ClientAuth clientAuth;

	MtlsClientAuthCustomizer(MtlsProperties.ClientAuth clientAuth) {
		this.clientAuth = clientAuth;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		if (this.clientAuth == MtlsProperties.ClientAuth.NONE) {
			return;
		}
		Ssl ssl = factory.getSsl();
		if (!Ssl.isEnabled(ssl)) {
			failWhenServerStarts(factory, new MtlsStartupException(
					"mtls.client-auth is '" + name() + "' but the server has no SSL configured",
					"Configure server.ssl (server.ssl.bundle, or server.ssl.key-store and server.ssl.trust-store), "
							+ "or set mtls.client-auth to none when TLS ends at a proxy in front of the service."));
			return;
		}
		if (!hasTrustMaterial(ssl, factory.getSslBundles())) {
			failWhenServerStarts(factory, new MtlsStartupException(
					"mtls.client-auth is '" + name() + "' but the server's SSL configuration has no trust store, "
							+ "so the handshake would trust the JVM's default CAs",
					"Configure the client CA in server.ssl.trust-store (or server.ssl.trust-certificate), "
							+ "or in the trust store of the SSL bundle named by server.ssl.bundle."));
			return;
		}
		ssl.setClientAuth(
				(this.clientAuth == MtlsProperties.ClientAuth.NEED) ? Ssl.ClientAuth.NEED : Ssl.ClientAuth.WANT);
	}

	/**
	 * Fail when the web server is built, not when the factory is customized: a
	 * {@code @SpringBootTest} with a mock environment customizes the factory without
	 * starting a server, and MockMvc needs no TLS.
	 * @param factory the factory whose connectors fail to start
	 * @param failure what starting a connector throws
	 */
	private static void failWhenServerStarts(TomcatServletWebServerFactory factory, MtlsStartupException failure) {
		factory.addConnectorCustomizers((connector) -> {
			throw failure;
		});
	}

	private static boolean hasTrustMaterial(Ssl ssl, @Nullable SslBundles sslBundles) {
		String bundleName = ssl.getBundle();
		if (bundleName != null) {
			if (sslBundles == null) {
				// No bundles to look the name up in: Boot reports the missing bundle
				// itself.
				return true;
			}
			try {
				SslBundle bundle = sslBundles.getBundle(bundleName);
				return bundle.getStores().getTrustStore() != null;
			}
			catch (NoSuchSslBundleException ex) {
				// Boot reports the missing bundle itself.
				return true;
			}
		}
		return ssl.getTrustStore() != null || ssl.getTrustCertificate() != null;
	}

	private String name() {
		return this.clientAuth.name().toLowerCase(Locale.ROOT);
	}

	@Override
	public int getOrder() {
		// After ServletWebServerFactoryCustomizer (order 0), which copies server.ssl.
		return 10;
	}

}
