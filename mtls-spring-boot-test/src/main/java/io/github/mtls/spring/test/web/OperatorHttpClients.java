package io.github.mtls.spring.test.web;

import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.mtls.spring.test.pki.IssuedCertificate;
import io.github.mtls.spring.test.pki.TrustStores;

/**
 * JDK {@link HttpClient}s that call a server over real HTTPS as a given operator: the
 * operator's key and chain as client certificate, and only the given anchors trusted for
 * the server's certificate.
 *
 * <pre class="code">
 * HttpClient client = OperatorHttpClients.client(fintech, serverCa.certificate());
 * client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/v2/bank/accounts")).build(),
 *         BodyHandlers.ofString());
 * </pre>
 *
 * @author mtls-spring-boot
 */
public final class OperatorHttpClients {

	private static final char[] PASSWORD = "changeit".toCharArray();

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

	private OperatorHttpClients() {
	}

	/**
	 * Create a client that presents an operator's certificate.
	 * @param operator the operator's certificate and key
	 * @param trustAnchors the CA certificates the server's certificate must chain to
	 * @return the client (HTTP/1.1, 10 second connect timeout)
	 */
	public static HttpClient client(IssuedCertificate operator, X509Certificate... trustAnchors) {
		Assert.notNull(operator, "operator cannot be null");
		return client(sslContext(operator, trustAnchors));
	}

	/**
	 * Create a client that presents no certificate.
	 * @param trustAnchors the CA certificates the server's certificate must chain to
	 * @return the client
	 */
	public static HttpClient withoutCertificate(X509Certificate... trustAnchors) {
		return client(sslContext(null, trustAnchors));
	}

	/**
	 * Create a TLS context that presents an operator's certificate, for clients other
	 * than the JDK's.
	 * @param operator the operator's certificate and key, or {@code null} for none
	 * @param trustAnchors the CA certificates the server's certificate must chain to
	 * @return the context
	 */
	public static SSLContext sslContext(@Nullable IssuedCertificate operator, X509Certificate... trustAnchors) {
		Assert.notEmpty(trustAnchors, "trustAnchors cannot be empty");
		try {
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(TrustStores.of(trustAnchors));
			KeyManagerFactory keys = null;
			if (operator != null) {
				keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
				KeyStore store = operator.toKeyStore("operator", PASSWORD);
				keys.init(store, PASSWORD);
			}
			SSLContext context = SSLContext.getInstance("TLS");
			context.init((keys != null) ? keys.getKeyManagers() : null, trust.getTrustManagers(), null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("TLS context could not be created", ex);
		}
	}

	private static HttpClient client(SSLContext context) {
		return HttpClient.newBuilder()
			.sslContext(context)
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(CONNECT_TIMEOUT)
			.build();
	}

}
