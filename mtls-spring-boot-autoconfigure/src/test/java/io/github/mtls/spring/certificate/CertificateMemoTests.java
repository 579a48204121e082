package io.github.mtls.spring.certificate;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicInteger;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

import io.github.mtls.spring.test.pki.CertificateAuthority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CertificateMemoTests {

	private static final CertificateAuthority ca = CertificateAuthority.root("Memo CA");

	private final X509Certificate certificate = ca.leaf("op").clientAuth().issue().certificate();

	@Test
	void getWhenTheSameCertificateObjectAgainThenComputedOnce() {
		AtomicInteger computed = new AtomicInteger();
		CertificateMemo<Sha256Fingerprint> memo = new CertificateMemo<>((certificate) -> {
			computed.incrementAndGet();
			return Sha256Fingerprint.of(certificate);
		}, 10);
		Sha256Fingerprint first = memo.get(this.certificate);
		assertThat(memo.get(this.certificate)).isSameAs(first).isEqualTo(Sha256Fingerprint.of(this.certificate));
		assertThat(computed).hasValue(1);
	}

	@Test
	void getWhenAnEqualButDistinctObjectThenComputedForItToo() throws Exception {
		AtomicInteger computed = new AtomicInteger();
		CertificateMemo<Sha256Fingerprint> memo = new CertificateMemo<>((certificate) -> {
			computed.incrementAndGet();
			return Sha256Fingerprint.of(certificate);
		}, 10);
		// The JDK's own factory hands out the object it parsed before for the same bytes.
		X509Certificate copy = (X509Certificate) CertificateFactory.getInstance("X.509", new BouncyCastleProvider())
			.generateCertificate(new ByteArrayInputStream(this.certificate.getEncoded()));
		assertThat(copy).isEqualTo(this.certificate).isNotSameAs(this.certificate);
		assertThat(memo.get(copy)).isEqualTo(memo.get(this.certificate));
		assertThat(computed).hasValue(2);
	}

	@Test
	void getWhenTheComputationThrowsThenNothingIsRemembered() {
		AtomicInteger computed = new AtomicInteger();
		CertificateMemo<String> memo = new CertificateMemo<>((certificate) -> {
			if (computed.incrementAndGet() == 1) {
				throw new IllegalStateException("first");
			}
			return "second";
		}, 10);
		assertThatIllegalStateException().isThrownBy(() -> memo.get(this.certificate));
		assertThat(memo.size()).isZero();
		assertThat(memo.get(this.certificate)).isEqualTo("second");
		assertThat(computed).hasValue(2);
	}

	@Test
	void sizeWhenMoreCertificatesThanTheBoundThenAtMostTheBoundAreKept() {
		CertificateMemo<Sha256Fingerprint> memo = new CertificateMemo<>(Sha256Fingerprint::of, 3);
		for (int i = 0; i < 8; i++) {
			memo.get(ca.leaf("op" + i).clientAuth().issue().certificate());
		}
		assertThat(memo.size()).isLessThanOrEqualTo(3);
	}

}
