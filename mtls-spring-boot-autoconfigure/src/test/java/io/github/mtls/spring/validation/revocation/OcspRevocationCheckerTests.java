package io.github.mtls.spring.validation.revocation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.mtls.spring.test.pki.CertificateAuthority;
import io.github.mtls.spring.test.pki.IssuedCertificate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against a real responder, {@code openssl ocsp}.
 */
class OcspRevocationCheckerTests {

	private static final CertificateAuthority ca = CertificateAuthority.root("MyData Test CA");

	private static final IssuedCertificate good = ca.leaf("good").clientAuth().issue();

	private static final IssuedCertificate revoked = ca.leaf("revoked").clientAuth().issue();

	private static final IssuedCertificate unlisted = ca.leaf("unlisted").clientAuth().issue();

	private static final RevocationFetcher fetcher = new RevocationFetcher(Duration.ofSeconds(2),
			Duration.ofSeconds(3));

	@TempDir
	static Path directory;

	private static OcspResponderProcess responder;

	@BeforeAll
	static void startResponder() {
		responder = OcspResponderProcess.start(ca.issued(), ca.issued(), directory.resolve("issuer"),
				List.of(OcspResponderProcess.valid(good.certificate()),
						OcspResponderProcess.revoked(revoked.certificate(), "keyCompromise")));
	}

	@AfterAll
	static void stopResponder() {
		if (responder != null) {
			responder.close();
		}
	}

	@Test
	void checkWhenGoodThenGoodWithNextUpdate() {
		RevocationStatus status = checker().check(good.certificate(), ca.certificate());
		assertThat(status.state()).isEqualTo(RevocationStatus.State.GOOD);
		assertThat(status.nextUpdate()).isNotNull();
	}

	@Test
	void checkWhenRevokedThenRevokedWithReason() {
		RevocationStatus status = checker().check(revoked.certificate(), ca.certificate());
		assertThat(status.state()).isEqualTo(RevocationStatus.State.REVOKED);
		assertThat(status.reason()).isEqualTo("keyCompromise");
	}

	@Test
	void checkWhenResponderDoesNotKnowTheCertificateThenUnknown() {
		assertThat(checker().check(unlisted.certificate(), ca.certificate()).state())
			.isEqualTo(RevocationStatus.State.UNKNOWN);
	}

	@Test
	void checkWhenResponderFromAuthorityInformationAccessThenAsksIt() {
		IssuedCertificate withAia = ca.leaf("aia").ocspResponder(responder.uri().toString()).clientAuth().issue();
		// Unknown to the index, but the answer proves the AIA responder was asked and
		// verified.
		RevocationStatus status = new OcspRevocationChecker(fetcher, null).check(withAia.certificate(),
				ca.certificate());
		assertThat(status.reason()).isEqualTo("OCSP responder does not know the certificate");
	}

	@Test
	void checkWhenNoResponderThenUnknown() {
		assertThat(new OcspRevocationChecker(fetcher, null).check(good.certificate(), ca.certificate()).reason())
			.isEqualTo("no OCSP responder");
	}

	@Test
	void checkWhenAnsweredThenCachesUntilNextUpdate() {
		OcspRevocationChecker checker = checker();
		RevocationStatus first = checker.check(good.certificate(), ca.certificate());
		try (OcspResponderProcess stopped = responder) {
			// Stopping the responder proves the second answer comes from the cache.
		}
		RevocationStatus second = checker.check(good.certificate(), ca.certificate());
		assertThat(second).isEqualTo(first);
		startResponder();
	}

	@Test
	void checkWhenResponderDownThenUnknown() throws Exception {
		int port = OcspResponderProcess.freePort();
		RevocationStatus status = new OcspRevocationChecker(fetcher,
				java.net.URI.create("http://127.0.0.1:" + port + "/"))
			.check(good.certificate(), ca.certificate());
		assertThat(status.state()).isEqualTo(RevocationStatus.State.UNKNOWN);
	}

	@Test
	void checkWhenDelegatedResponderHasOcspSigningThenTrusted(@TempDir Path delegated) {
		IssuedCertificate signer = ca.leaf("OCSP responder").extendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning).issue();
		try (OcspResponderProcess delegate = OcspResponderProcess.start(ca.issued(), signer, delegated,
				List.of(OcspResponderProcess.valid(good.certificate())))) {
			assertThat(new OcspRevocationChecker(fetcher, delegate.uri()).check(good.certificate(), ca.certificate())
				.state()).isEqualTo(RevocationStatus.State.GOOD);
		}
	}

	@Test
	void checkWhenDelegatedResponderLacksOcspSigningThenUnknown(@TempDir Path delegated) {
		IssuedCertificate signer = ca.leaf("Not a responder").clientAuth().issue();
		try (OcspResponderProcess delegate = OcspResponderProcess.start(ca.issued(), signer, delegated,
				List.of(OcspResponderProcess.valid(good.certificate())))) {
			RevocationStatus status = new OcspRevocationChecker(fetcher, delegate.uri()).check(good.certificate(),
					ca.certificate());
			assertThat(status.state()).isEqualTo(RevocationStatus.State.UNKNOWN);
			assertThat(status.reason()).isEqualTo("OCSP response signature invalid");
		}
	}

	@Test
	void checkWhenResponderSignsWithAnotherCaThenUnknown(@TempDir Path forged) {
		CertificateAuthority other = CertificateAuthority.root("MyData Test CA");
		IssuedCertificate signer = other.leaf("OCSP responder")
			.extendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning)
			.issue();
		try (OcspResponderProcess forger = OcspResponderProcess.start(ca.issued(), signer, forged,
				List.of(OcspResponderProcess.valid(good.certificate())))) {
			assertThat(new OcspRevocationChecker(fetcher, forger.uri()).check(good.certificate(), ca.certificate())
				.state()).isEqualTo(RevocationStatus.State.UNKNOWN);
		}
	}

	private static OcspRevocationChecker checker() {
		return new OcspRevocationChecker(fetcher, responder.uri());
	}

}
