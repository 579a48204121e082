package io.github.mtls.spring.validation;

import java.security.KeyStore;
import java.security.cert.X509Certificate;

import org.junit.jupiter.api.Test;

import io.github.mtls.spring.test.pki.CertificateAuthority;
import io.github.mtls.spring.test.pki.IssuedCertificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TrustAnchorsTests {

	private static final CertificateAuthority root = CertificateAuthority.root("Anchors Test CA");

	private static final CertificateAuthority intermediate = root.intermediate("Anchors Test Intermediate");

	private static final IssuedCertificate server = intermediate.leaf("server").issue();

	private static final char[] PASSWORD = "secret".toCharArray();

	@Test
	void ofTakesOnlyTheTrustedCertificateEntriesOfAStore() throws Exception {
		KeyStore store = store();
		TrustAnchors anchors = TrustAnchors.of(store);
		assertThat(anchors.anchors()).singleElement()
			.satisfies((anchor) -> assertThat(anchor.getTrustedCert()).isEqualTo(root.certificate()));
	}

	@Test
	void ofRefusesAStoreWithOnlyAKeyEntry() {
		assertThatIllegalArgumentException().isThrownBy(() -> TrustAnchors.of(server.toKeyStore("server", PASSWORD)))
			.withMessageContaining("no trusted certificate entry");
	}

	@Test
	void certificatesOfReturnsTheCertificateOfEveryEntry() throws Exception {
		assertThat(TrustAnchors.certificatesOf(store())).containsExactlyInAnyOrder(root.certificate(),
				server.certificate());
	}

	@Test
	void keyChainOfReturnsTheChainOfTheNamedOrFirstKeyEntry() throws Exception {
		KeyStore store = store();
		X509Certificate[] expected = server.presentedChain();
		assertThat(TrustAnchors.keyChainOf(store, "server")).containsExactly(expected);
		assertThat(TrustAnchors.keyChainOf(store, null)).containsExactly(expected);
		assertThat(TrustAnchors.keyChainOf(store, "ca")).isEmpty();
		assertThat(TrustAnchors.keyChainOf(store, "missing")).isEmpty();
	}

	private static KeyStore store() throws Exception {
		KeyStore store = server.toKeyStore("server", PASSWORD);
		store.setCertificateEntry("ca", root.certificate());
		return store;
	}

}
