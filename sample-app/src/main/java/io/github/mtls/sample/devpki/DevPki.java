package io.github.mtls.sample.devpki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
	 * Mint and write the PKI unless every file of it exists already.
	 * @return {@code true} if it was minted, {@code false} if the existing files are
	 * reused
	 */
	public boolean createIfAbsent() {
		if (fileNames().stream().allMatch((name) -> Files.isRegularFile(file(name)))) {
			return false;
		}
		create();
		return true;
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
