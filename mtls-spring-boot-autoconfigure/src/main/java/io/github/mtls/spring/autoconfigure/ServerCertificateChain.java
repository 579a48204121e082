package io.github.mtls.spring.autoconfigure;

import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.X509Certificate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerSslBundle;

import io.github.mtls.spring.validation.TrustAnchors;

/**
 * The server's own certificate chains, for health and the endpoint: read from
 * {@code server.ssl.bundle} each time (a reload shows), or once from the
 * {@code server.ssl} key-store properties, and from the partner port's
 * {@code mtls.connector.ssl-bundle} each time when there is one (the certificate partners
 * connect to). Empty without server SSL or when the key store cannot be read: these views
 * never fail startup.
 *
 * @author mtls-spring-boot
 */
final class ServerCertificateChain implements Supplier<List<X509Certificate>> {

	private final @Nullable Ssl ssl;

	private final SslBundles bundles;

	private final @Nullable String partnerBundle;

	private volatile @Nullable List<X509Certificate> fixed;

	ServerCertificateChain(@Nullable Ssl ssl, SslBundles bundles, @Nullable String partnerBundle) {
		this.ssl = ssl;
		this.bundles = bundles;
		this.partnerBundle = partnerBundle;
	}

	@Override
	public List<X509Certificate> get() {
		List<X509Certificate> main = main();
		if (this.partnerBundle == null) {
			return main;
		}
		Set<X509Certificate> both = new LinkedHashSet<>(main);
		try {
			both.addAll(chain(this.bundles.getBundle(this.partnerBundle)));
		}
		catch (Exception ex) {
			// Startup has checked the bundle; a view never fails.
		}
		return List.copyOf(both);
	}

	private List<X509Certificate> main() {
		Ssl ssl = this.ssl;
		if (ssl == null || !Ssl.isEnabled(ssl)) {
			return List.of();
		}
		if (ssl.getBundle() != null) {
			return read(ssl);
		}
		List<X509Certificate> fixed = this.fixed;
		if (fixed == null) {
			fixed = read(ssl);
			this.fixed = fixed;
		}
		return fixed;
	}

	private List<X509Certificate> read(Ssl ssl) {
		try {
			return chain(WebServerSslBundle.get(ssl, this.bundles));
		}
		catch (Exception ex) {
			return List.of();
		}
	}

	private static List<X509Certificate> chain(SslBundle bundle) throws KeyStoreException {
		KeyStore store = bundle.getStores().getKeyStore();
		if (store == null) {
			return List.of();
		}
		return TrustAnchors.keyChainOf(store, bundle.getKey().getAlias());
	}

}
