package io.github.mtls.spring.autoconfigure;

import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerSslBundle;

/**
 * The server's own certificate chain, for health and the endpoint: read from
 * {@code server.ssl.bundle} each time (a reload shows), or once from the
 * {@code server.ssl} key-store properties. Empty without server SSL or when the key store
 * cannot be read: these views never fail startup.
 *
 * @author mtls-spring-boot
 */
final class ServerCertificateChain implements Supplier<List<X509Certificate>> {

	private final @Nullable Ssl ssl;

	private final SslBundles bundles;

	private volatile @Nullable List<X509Certificate> fixed;

	ServerCertificateChain(@Nullable Ssl ssl, SslBundles bundles) {
		this.ssl = ssl;
		this.bundles = bundles;
	}

	@Override
	public List<X509Certificate> get() {
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
			SslBundle bundle = WebServerSslBundle.get(ssl, this.bundles);
			KeyStore store = bundle.getStores().getKeyStore();
			if (store == null) {
				return List.of();
			}
			String alias = bundle.getKey().getAlias();
			for (String candidate : Collections.list(store.aliases())) {
				if ((alias == null || alias.equals(candidate)) && store.isKeyEntry(candidate)) {
					Certificate[] chain = store.getCertificateChain(candidate);
					List<X509Certificate> certificates = new ArrayList<>();
					if (chain != null) {
						for (Certificate certificate : chain) {
							if (certificate instanceof X509Certificate x509) {
								certificates.add(x509);
							}
						}
					}
					return List.copyOf(certificates);
				}
			}
			return List.of();
		}
		catch (Exception ex) {
			return List.of();
		}
	}

}
