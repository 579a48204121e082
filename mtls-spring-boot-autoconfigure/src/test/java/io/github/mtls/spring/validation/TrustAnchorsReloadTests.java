package io.github.mtls.spring.validation;

import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.test.pki.CertificateAuthority;
import io.github.mtls.spring.test.pki.IssuedCertificate;
import io.github.mtls.spring.test.pki.TrustStores;

import static org.assertj.core.api.Assertions.assertThat;

class TrustAnchorsReloadTests {

	private static final CertificateAuthority current = CertificateAuthority.root("Current CA");

	private static final CertificateAuthority next = CertificateAuthority.root("Next CA");

	private static final IssuedCertificate operator = current.leaf("op").clientAuth().issue();

	private final PkixCertificateValidator pkix = new PkixCertificateValidator(TrustAnchors.of(current.certificate()),
			List.of("1.3.6.1.5.5.7.3.2"), Duration.ofSeconds(30));

	private final CachingCertificateValidator cache = new CachingCertificateValidator(this.pkix, 100,
			Duration.ofMinutes(5), Clock.systemUTC());

	private final TrustAnchorsReload reload = new TrustAnchorsReload(this.pkix, this.cache, "SSL bundle 'ca'");

	@Test
	void reloadReplacesTheAnchorsAndEmptiesTheCache() {
		assertThat(this.cache.validate(operator.chain()).isValid()).isTrue();
		assertThat(this.reload.reload(TrustStores.of(next.certificate()))).isTrue();
		assertThat(this.pkix.getTrustAnchors().isAnchor(next.certificate())).isTrue();
		assertThat(this.cache.size()).isZero();
		assertThat(this.cache.validate(operator.chain()).failure()).isEqualTo(MtlsReason.CERTIFICATE_UNTRUSTED);
	}

	@Test
	void reloadOfAStoreWithoutTrustedCertificateKeepsThePreviousAnchorsAndCache() throws Exception {
		assertThat(this.cache.validate(operator.chain()).isValid()).isTrue();
		KeyStore empty = KeyStore.getInstance("PKCS12");
		empty.load(null, null);
		assertThat(this.reload.reload(empty)).isFalse();
		assertThat(this.reload.reload(null)).isFalse();
		assertThat(this.pkix.getTrustAnchors().isAnchor(current.certificate())).isTrue();
		assertThat(this.cache.size()).isOne();
		assertThat(this.cache.validate(operator.chain()).isValid()).isTrue();
	}

}
