package io.github.mtls.spring.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.github.mtls.spring.test.pki.CertificateAuthority;
import io.github.mtls.spring.test.pki.IssuedCertificate;
import io.github.mtls.spring.test.pki.TrustStores;

/**
 * The PKI of the tests in this package, minted once per JVM and written to a temporary
 * folder: a client CA, a server certificate and operators' client certificates.
 */
final class TestPki {

	static final String PASSWORD = "secret";

	static final CertificateAuthority clientCa = CertificateAuthority.root("MyData Test CA");

	static final CertificateAuthority otherCa = CertificateAuthority.root("Other CA");

	static final CertificateAuthority serverCa = CertificateAuthority.root("Server CA");

	static final IssuedCertificate server = serverCa.leaf("localhost")
		.dnsNames("localhost")
		.ipAddresses("127.0.0.1")
		.serverAuth()
		.issue();

	static final IssuedCertificate registered = clientCa.leaf("Example Fintech")
		.serialNumber("2208112345")
		.clientAuth()
		.issue();

	static final IssuedCertificate bankOnly = clientCa.leaf("Bank Only")
		.serialNumber("4208167890")
		.clientAuth()
		.issue();

	static final IssuedCertificate suspended = clientCa.leaf("Suspended")
		.serialNumber("310-81-54321")
		.clientAuth()
		.issue();

	static final IssuedCertificate unregistered = clientCa.leaf("Unregistered")
		.serialNumber("1234567890")
		.clientAuth()
		.issue();

	static final IssuedCertificate fromOtherCa = otherCa.leaf("Other").serialNumber("2208112345").clientAuth().issue();

	static final CertificateAuthority proxyCa = CertificateAuthority.root("Proxy CA");

	static final IssuedCertificate proxy = proxyCa.leaf("waf.internal").clientAuth().issue();

	static final Path directory = write();

	private TestPki() {
	}

	private static Path write() {
		try {
			Path directory = Files.createTempDirectory("mtls-test-pki");
			directory.toFile().deleteOnExit();
			server.writePkcs12(directory.resolve("server.p12"), "server", PASSWORD.toCharArray());
			TrustStores.write(directory.resolve("client-ca.p12"), PASSWORD.toCharArray(), clientCa.certificate());
			TrustStores.write(directory.resolve("client-and-other-ca.p12"), PASSWORD.toCharArray(),
					clientCa.certificate(), otherCa.certificate());
			Files.writeString(directory.resolve("client-ca.pem"), clientCa.issued().certificatePem());
			TrustStores.write(directory.resolve("client-and-proxy-ca.p12"), PASSWORD.toCharArray(),
					clientCa.certificate(), proxyCa.certificate());
			TrustStores.write(directory.resolve("proxy-ca.p12"), PASSWORD.toCharArray(), proxyCa.certificate());
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String file(String name) {
		return "file:" + directory.resolve(name);
	}

	static String[] serverSsl(String trustStore) {
		return new String[] { "server.ssl.key-store=" + file("server.p12"), "server.ssl.key-store-password=" + PASSWORD,
				"server.ssl.key-store-type=PKCS12", "server.ssl.trust-store=" + file(trustStore),
				"server.ssl.trust-store-password=" + PASSWORD, "server.ssl.trust-store-type=PKCS12" };
	}

	static HttpClient client(IssuedCertificate clientCertificate) {
		return HttpClient.newBuilder()
			.sslContext(sslContext(clientCertificate))
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	static HttpClient clientWithoutCertificate() {
		return HttpClient.newBuilder().sslContext(sslContext(null)).connectTimeout(Duration.ofSeconds(5)).build();
	}

	static SSLContext sslContext(IssuedCertificate clientCertificate) {
		try {
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(TrustStores.of(serverCa.certificate()));
			SSLContext context = SSLContext.getInstance("TLS");
			KeyManagerFactory keys = null;
			if (clientCertificate != null) {
				keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
				KeyStore keyStore = clientCertificate.toKeyStore("client", PASSWORD.toCharArray());
				keys.init(keyStore, PASSWORD.toCharArray());
			}
			context.init((keys != null) ? keys.getKeyManagers() : null, trust.getTrustManagers(), null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
