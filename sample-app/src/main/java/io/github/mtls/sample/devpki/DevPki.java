package io.github.mtls.sample.devpki;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.converter.RsaKeyConverters;

import io.github.mtls.spring.test.pki.CertificateAuthority;
import io.github.mtls.spring.test.pki.IssuedCertificate;
import io.github.mtls.spring.test.pki.TrustStores;

/**
 * The development PKI of the sample in one folder: a CA ({@code ca.pem},
 * {@code truststore.p12}), a {@code localhost} server certificate ({@code server.*}) and
 * one client certificate per walkthrough case ({@code operator.*}, {@code bank-only.*},
 * {@code suspended.*}, {@code unregistered.*}). Each identity is written as
 * {@code <name>.p12}, {@code <name>.pem} and {@code <name>-key.pem}; every store and key
 * uses the password {@value #PASSWORD}.
 * <p>
 * Beside them, an RS256 key pair that signs the development access tokens of the
 * {@code mydata-call} profile: {@value #TOKEN_SIGNING_KEY} (PKCS#8, owner-only) and
 * {@value #TOKEN_PUBLIC_KEY} (X.509 SubjectPublicKeyInfo, what a resource server's
 * {@code spring.security.oauth2.resourceserver.jwt.public-key-location} reads).
 *
 * @author mtls-spring-boot
 */
public final class DevPki {

	/**
	 * The password of every key store and key.
	 */
	public static final String PASSWORD = "changeit";

	/**
	 * The client identities, as registered (or not) in the sample's application.yml.
	 */
	public static final List<Client> CLIENTS = List.of(new Client("operator", "Example Fintech", "2208112345"),
			new Client("bank-only", "Example Bank Data", "4208167890"),
			new Client("suspended", "Suspended Fintech", "3108154321"),
			new Client("unregistered", "Unregistered Fintech", "1234567890"));

	/**
	 * The file name stem of the reverse proxy's own client identity.
	 */
	public static final String PROXY = "proxy";

	/**
	 * The file of the private key that signs development access tokens.
	 */
	public static final String TOKEN_SIGNING_KEY = "token-signing-key.pem";

	/**
	 * The file of the public key that verifies development access tokens.
	 */
	public static final String TOKEN_PUBLIC_KEY = "token-public-key.pem";

	private final Path folder;

	/**
	 * Create the PKI of a folder; nothing is written until {@link #createIfAbsent()}.
	 * @param folder the folder
	 */
	public DevPki(Path folder) {
		this.folder = folder.toAbsolutePath().normalize();
	}

	/**
	 * Return the folder, absolute.
	 * @return the folder
	 */
	public Path folder() {
		return this.folder;
	}

	/**
	 * Return a file of the PKI.
	 * @param name the file name, such as {@code ca.pem}
	 * @return the file
	 */
	public Path file(String name) {
		return this.folder.resolve(name);
	}

	/**
	 * Mint and write the PKI unless every file of it exists already. The token key pair
	 * is minted on its own when only it is missing (a folder minted before it existed),
	 * so the certificates an operator has installed stay valid.
	 * @return {@code true} if anything was minted, {@code false} if the existing files
	 * are reused
	 */
	public boolean createIfAbsent() {
		boolean minted = false;
		if (!fileNames().stream().allMatch((name) -> Files.isRegularFile(file(name)))) {
			create();
			minted = true;
		}
		if (!Files.isRegularFile(file(TOKEN_SIGNING_KEY)) || !Files.isRegularFile(file(TOKEN_PUBLIC_KEY))) {
			createTokenKeys();
			minted = true;
		}
		return minted;
	}

	/**
	 * Return the public key that verifies development access tokens.
	 * @return the key, read from {@value #TOKEN_PUBLIC_KEY}
	 */
	public RSAPublicKey tokenPublicKey() {
		return read(TOKEN_PUBLIC_KEY, RsaKeyConverters.x509());
	}

	/**
	 * Return the private key that signs development access tokens.
	 * @return the key, read from {@value #TOKEN_SIGNING_KEY}
	 */
	public RSAPrivateKey tokenSigningKey() {
		return read(TOKEN_SIGNING_KEY, RsaKeyConverters.pkcs8());
	}

	private <K> K read(String name, Converter<InputStream, K> converter) {
		try (InputStream in = Files.newInputStream(file(name))) {
			K key = converter.convert(in);
			if (key == null) {
				throw new IllegalStateException("No key in development PKI file " + file(name));
			}
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Development PKI file could not be read: " + file(name), ex);
		}
	}

	private void createTokenKeys() {
		KeyPair keys;
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			keys = generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("RSA keys cannot be generated", ex);
		}
		writeText(TOKEN_SIGNING_KEY, pem("PRIVATE KEY", keys.getPrivate().getEncoded()), true);
		writeText(TOKEN_PUBLIC_KEY, pem("PUBLIC KEY", keys.getPublic().getEncoded()), false);
	}

	private static String pem(String type, byte[] der) {
		String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
	}

	private void create() {
		CertificateAuthority ca = CertificateAuthority.root("MyData Sample Development CA");
		writeText("ca.pem", ca.issued().certificatePem(), false);
		TrustStores.write(file("truststore.p12"), PASSWORD.toCharArray(), ca.certificate());
		writeIdentity("server",
				ca.leaf("localhost").dnsNames("localhost").ipAddresses("127.0.0.1").serverAuth().issue());
		// The WAF's own client certificate for its hop to the service (sample-app/proxy).
		writeIdentity(PROXY, ca.leaf("waf.internal").organization("Sample WAF").clientAuth().issue());
		for (Client client : CLIENTS) {
			writeIdentity(client.name(),
					ca.leaf(client.organization())
						.organization(client.organization())
						.serialNumber(client.serialNumber())
						.clientAuth()
						.issue());
		}
	}

	private void writeIdentity(String name, IssuedCertificate certificate) {
		certificate.writePkcs12(file(name + ".p12"), name, PASSWORD.toCharArray());
		restrictToOwner(file(name + ".p12"));
		writeText(name + ".pem", certificate.chainPem(), false);
		writeText(name + "-key.pem", certificate.privateKeyPem(), true);
	}

	private void writeText(String name, String text, boolean secret) {
		Path file = file(name);
		try {
			Files.createDirectories(this.folder);
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Development PKI file could not be written to " + file, ex);
		}
		if (secret) {
			restrictToOwner(file);
		}
	}

	private static void restrictToOwner(Path file) {
		if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			return;
		}
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Permissions of " + file + " could not be restricted", ex);
		}
	}

	/**
	 * Return the {@code server.ssl} properties that make embedded Tomcat use this PKI:
	 * the server identity and the CA as trust store, both PKCS#12 files.
	 * @return the properties, in a stable order
	 */
	public Map<String, Object> serverSslProperties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("server.ssl.key-store", "file:" + file("server.p12"));
		properties.put("server.ssl.key-store-password", PASSWORD);
		properties.put("server.ssl.key-store-type", "PKCS12");
		properties.put("server.ssl.trust-store", "file:" + file("truststore.p12"));
		properties.put("server.ssl.trust-store-password", PASSWORD);
		properties.put("server.ssl.trust-store-type", "PKCS12");
		return properties;
	}

	private static List<String> fileNames() {
		List<String> names = new ArrayList<>(List.of("ca.pem", "truststore.p12"));
		List<String> identities = new ArrayList<>(List.of("server", PROXY));
		CLIENTS.forEach((client) -> identities.add(client.name()));
		for (String identity : identities) {
			names.add(identity + ".p12");
			names.add(identity + ".pem");
			names.add(identity + "-key.pem");
		}
		return names;
	}

	/**
	 * A client identity of the PKI.
	 *
	 * @param name the file name stem, such as {@code operator}
	 * @param organization the subject's O and CN
	 * @param serialNumber the subject's SERIALNUMBER, a business registration number
	 */
	public record Client(String name, String organization, String serialNumber) {

	}

}
