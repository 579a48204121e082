package io.github.mtls.spring.test.pki;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * A minted certificate with its private key and chain.
 *
 * @param certificate the certificate
 * @param privateKey its private key
 * @param chain the chain, this certificate first and the root last
 * @author mtls-spring-boot
 */
public record IssuedCertificate(X509Certificate certificate, PrivateKey privateKey, List<X509Certificate> chain) {

	public IssuedCertificate {
		chain = List.copyOf(chain);
	}

	/**
	 * Return the SHA-256 fingerprint of the certificate's DER encoding.
	 * @return 64 lower-case hex digits
	 */
	public String sha256Fingerprint() {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(this.certificate.getEncoded()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 fingerprint could not be computed", ex);
		}
	}

	/**
	 * Return the chain without its root, as a TLS peer presents it.
	 * @return the presented chain
	 */
	public X509Certificate[] presentedChain() {
		int length = (this.chain.size() > 1) ? this.chain.size() - 1 : 1;
		return this.chain.subList(0, length).toArray(X509Certificate[]::new);
	}

	/**
	 * Return a PKCS#12 key store holding the key with the presented chain under one
	 * alias.
	 * @param alias the alias
	 * @param password the store and key password
	 * @return the key store
	 */
	public KeyStore toKeyStore(String alias, char[] password) {
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setKeyEntry(alias, this.privateKey, password, (Certificate[]) presentedChain());
			return store;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("Key store could not be created", ex);
		}
	}

	/**
	 * Write the key and presented chain as a PKCS#12 file.
	 * @param file the file
	 * @param alias the alias
	 * @param password the store and key password
	 */
	public void writePkcs12(Path file, String alias, char[] password) {
		KeyStores.write(toKeyStore(alias, password), file, password);
	}

	/**
	 * Return the certificate as PEM.
	 * @return the PEM text
	 */
	public String certificatePem() {
		return Pem.encode(this.certificate);
	}

	/**
	 * Return the presented chain as concatenated PEM blocks.
	 * @return the PEM text
	 */
	public String chainPem() {
		return Pem.encode((Object[]) presentedChain());
	}

	/**
	 * Return the private key as PKCS#8 PEM.
	 * @return the PEM text
	 */
	public String privateKeyPem() {
		return Pem.encode(new PemObject("PRIVATE KEY", this.privateKey.getEncoded()));
	}

	static final class Pem {

		private Pem() {
		}

		static String encode(Object... objects) {
			StringWriter text = new StringWriter();
			try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
				for (Object object : objects) {
					writer.writeObject(object);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return text.toString();
		}

	}

	static final class KeyStores {

		private KeyStores() {
		}

		static void write(KeyStore store, Path file, char[] password) {
			try {
				Files.createDirectories(file.toAbsolutePath().getParent());
				try (OutputStream out = Files.newOutputStream(file)) {
					store.store(out, password);
				}
			}
			catch (GeneralSecurityException | IOException ex) {
				throw new IllegalStateException("Key store could not be written to " + file, ex);
			}
		}

	}

}
