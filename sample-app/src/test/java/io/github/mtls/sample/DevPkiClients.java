package io.github.mtls.sample;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.github.mtls.sample.devpki.DevPki;

/**
 * JDK HTTP clients that talk to the sample with the files of its development PKI, as an
 * operator would.
 */
final class DevPkiClients {

	private final Path folder;

	DevPkiClients(Path folder) {
		this.folder = folder;
	}

	/**
	 * A client presenting the identity of {@code <name>.p12}.
	 */
	HttpClient withCertificate(String name) throws Exception {
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(load(name + ".p12"), DevPki.PASSWORD.toCharArray());
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(keyManagers.getKeyManagers(), trustManagers().getTrustManagers(), null);
		return client(context);
	}

	/**
	 * A client that trusts the development CA and presents no certificate.
	 */
	HttpClient withoutCertificate() throws Exception {
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trustManagers().getTrustManagers(), null);
		return client(context);
	}

	private TrustManagerFactory trustManagers() throws GeneralSecurityException, IOException {
		TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trustManagers.init(load("truststore.p12"));
		return trustManagers;
	}

	private KeyStore load(String file) throws GeneralSecurityException, IOException {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(this.folder.resolve(file))) {
			store.load(in, DevPki.PASSWORD.toCharArray());
		}
		return store;
	}

	private static HttpClient client(SSLContext context) {
		return HttpClient.newBuilder()
			.sslContext(context)
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

}
