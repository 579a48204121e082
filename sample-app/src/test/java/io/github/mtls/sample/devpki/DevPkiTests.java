package io.github.mtls.sample.devpki;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DevPki}.
 */
class DevPkiTests {

	@TempDir
	Path folder;

	@Test
	void createIfAbsentWhenEmptyFolderThenMintsServerForLocalhost() throws Exception {
		DevPki pki = new DevPki(this.folder);
		assertThat(pki.createIfAbsent()).isTrue();
		X509Certificate server = certificate(pki.file("server.p12"), "server");
		assertThat(server.getSubjectAlternativeNames()).extracting((name) -> (Object) name.get(1))
			.containsExactlyInAnyOrder("localhost", "127.0.0.1");
		assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
	}

	@Test
	void createIfAbsentWhenEmptyFolderThenMintsOperatorsWithSerialNumbers() throws Exception {
		DevPki pki = new DevPki(this.folder);
		pki.createIfAbsent();
		for (DevPki.Client client : DevPki.CLIENTS) {
			X509Certificate certificate = certificate(pki.file(client.name() + ".p12"), client.name());
			X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
			assertThat(subject.getRDNs(BCStyle.SERIALNUMBER)).singleElement()
				.extracting((rdn) -> rdn.getFirst().getValue().toString())
				.isEqualTo(client.serialNumber());
			assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
			assertThat(pki.file(client.name() + ".pem")).content().startsWith("-----BEGIN CERTIFICATE-----");
			assertThat(pki.file(client.name() + "-key.pem")).content().startsWith("-----BEGIN PRIVATE KEY-----");
		}
	}

	@Test
	void createIfAbsentWhenAllFilesExistThenReusesThem() {
		DevPki pki = new DevPki(this.folder);
		pki.createIfAbsent();
		assertThat(pki.createIfAbsent()).isFalse();
	}

	@Test
	void createIfAbsentWhenEmptyFolderThenMintsTokenKeyPairOwnerOnly() throws Exception {
		DevPki pki = new DevPki(this.folder);
		pki.createIfAbsent();
		assertThat(pki.file(DevPki.TOKEN_SIGNING_KEY)).content().startsWith("-----BEGIN PRIVATE KEY-----");
		assertThat(pki.file(DevPki.TOKEN_PUBLIC_KEY)).content().startsWith("-----BEGIN PUBLIC KEY-----");
		assertThat(pki.tokenPublicKey().getModulus()).isEqualTo(pki.tokenSigningKey().getModulus());
		if (this.folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pki.file(DevPki.TOKEN_SIGNING_KEY))))
				.isEqualTo("rw-------");
		}
	}

	@Test
	void createIfAbsentWhenOnlyTokenKeyMissingThenMintsItAndKeepsCertificates() throws Exception {
		DevPki pki = new DevPki(this.folder);
		pki.createIfAbsent();
		String ca = Files.readString(pki.file("ca.pem"));
		Files.delete(pki.file(DevPki.TOKEN_SIGNING_KEY));
		assertThat(pki.createIfAbsent()).isTrue();
		assertThat(pki.file("ca.pem")).hasContent(ca);
		assertThat(pki.tokenPublicKey().getModulus()).isEqualTo(pki.tokenSigningKey().getModulus());
	}

	@Test
	void createIfAbsentWhenAllFilesExistThenKeepsTokenKey() throws Exception {
		DevPki pki = new DevPki(this.folder);
		pki.createIfAbsent();
		String key = Files.readString(pki.file(DevPki.TOKEN_SIGNING_KEY));
		pki.createIfAbsent();
		assertThat(pki.file(DevPki.TOKEN_SIGNING_KEY)).hasContent(key);
	}

	@Test
	void serverSslPropertiesPointAtTheFolder() {
		DevPki pki = new DevPki(this.folder);
		assertThat(pki.serverSslProperties()).containsEntry("server.ssl.key-store",
				"file:" + this.folder.toAbsolutePath().resolve("server.p12"));
		assertThat(List.copyOf(pki.serverSslProperties().keySet())).containsExactly("server.ssl.key-store",
				"server.ssl.key-store-password", "server.ssl.key-store-type", "server.ssl.trust-store",
				"server.ssl.trust-store-password", "server.ssl.trust-store-type");
	}

	private static X509Certificate certificate(Path file, String alias) throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(file)) {
			store.load(in, DevPki.PASSWORD.toCharArray());
		}
		assertThat(store.isKeyEntry(alias)).isTrue();
		return (X509Certificate) store.getCertificate(alias);
	}

}
