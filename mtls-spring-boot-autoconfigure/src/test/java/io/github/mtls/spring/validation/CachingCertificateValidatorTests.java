package io.github.mtls.spring.validation;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.test.pki.CertificateAuthority;
import io.github.mtls.spring.test.pki.IssuedCertificate;

import static org.assertj.core.api.Assertions.assertThat;

class CachingCertificateValidatorTests {

	private static final CertificateAuthority ca = CertificateAuthority.root("MyData Test CA");

	private static final IssuedCertificate operator = ca.leaf("op").clientAuth().issue();

	private final MutableClock clock = new MutableClock(Instant.now());

	private final CountingValidator pkix = new CountingValidator(pkixAt(this.clock));

	private final CachingCertificateValidator validator = new CachingCertificateValidator(this.pkix, 100,
			Duration.ofMinutes(5), this.clock);

	@Test
	void validateWhenSeenBeforeThenSkipsThePkixWork() {
		assertThat(this.validator.validate(operator.chain()).isValid()).isTrue();
		assertThat(this.validator.validate(operator.chain()).isValid()).isTrue();
		assertThat(this.validator.validate(List.copyOf(operator.chain())).isValid()).isTrue();
		assertThat(this.pkix.calls).hasValue(1);
	}

	@Test
	void validateWhenTtlPassedThenValidatesAgain() {
		this.validator.validate(operator.chain());
		this.clock.advance(Duration.ofMinutes(4));
		this.validator.validate(operator.chain());
		assertThat(this.pkix.calls).hasValue(1);
		this.clock.advance(Duration.ofMinutes(2));
		this.validator.validate(operator.chain());
		assertThat(this.pkix.calls).hasValue(2);
	}

	@Test
	void validateWhenEntryWouldOutliveTheCertificateThenExpiresWithIt() {
		Instant now = this.clock.instant();
		IssuedCertificate shortLived = ca.leaf("op")
			.validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofMinutes(1)))
			.clientAuth()
			.issue();
		this.validator.validate(shortLived.chain());
		this.clock.advance(Duration.ofSeconds(30));
		this.validator.validate(shortLived.chain());
		assertThat(this.pkix.calls).hasValue(1);
		this.clock.advance(Duration.ofSeconds(31));
		// Within the clock skew after not-after: still valid, but not remembered any
		// more.
		assertThat(this.validator.validate(shortLived.chain()).isValid()).isTrue();
		assertThat(this.pkix.calls).hasValue(2);
		this.validator.validate(shortLived.chain());
		assertThat(this.pkix.calls).hasValue(3);
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.validator.validate(shortLived.chain()).failure()).isEqualTo(MtlsReason.CERTIFICATE_EXPIRED);
	}

	@Test
	void validateWhenRevocationStatusExpiresFirstThenEntryExpiresWithIt() {
		CertificateValidator revocationBound = (chain) -> ValidationResult
			.validUntil(this.clock.instant().plus(Duration.ofSeconds(10)));
		CountingValidator counting = new CountingValidator(revocationBound);
		CachingCertificateValidator caching = new CachingCertificateValidator(counting, 100, Duration.ofMinutes(5),
				this.clock);
		caching.validate(operator.chain());
		this.clock.advance(Duration.ofSeconds(9));
		caching.validate(operator.chain());
		assertThat(counting.calls).hasValue(1);
		this.clock.advance(Duration.ofSeconds(2));
		caching.validate(operator.chain());
		assertThat(counting.calls).hasValue(2);
	}

	@Test
	void validateWhenRefusedThenNotRemembered() {
		IssuedCertificate foreign = CertificateAuthority.root("Other CA").leaf("op").clientAuth().issue();
		this.validator.validate(foreign.chain());
		this.validator.validate(foreign.chain());
		assertThat(this.pkix.calls).hasValue(2);
		assertThat(this.validator.size()).isZero();
	}

	@Test
	void validateWhenOriginDiffersThenCachedSeparately() {
		this.validator.validate(operator.chain(), CertificateOrigin.DIRECT);
		this.validator.validate(operator.chain(), CertificateOrigin.FORWARDED);
		assertThat(this.pkix.calls).hasValue(2);
	}

	@Test
	void clearForgetsEveryChain() {
		this.validator.validate(operator.chain());
		this.validator.clear();
		this.validator.validate(operator.chain());
		assertThat(this.pkix.calls).hasValue(2);
	}

	@Test
	void validateWhenClearedWhileValidatingThenResultNotRemembered() {
		CachingCertificateValidator[] caching = new CachingCertificateValidator[1];
		CountingValidator clearing = new CountingValidator((chain) -> {
			caching[0].clear();
			return ValidationResult.valid();
		});
		caching[0] = new CachingCertificateValidator(clearing, 100, Duration.ofMinutes(5), this.clock);
		caching[0].validate(operator.chain());
		caching[0].validate(operator.chain());
		assertThat(clearing.calls).hasValue(2);
	}

	@Test
	void validateWhenFullThenEvicts() {
		CachingCertificateValidator small = new CachingCertificateValidator(this.pkix, 2, Duration.ofMinutes(5),
				this.clock);
		for (int i = 0; i < 10; i++) {
			small.validate(ca.leaf("op" + i).clientAuth().issue().chain());
		}
		assertThat(small.size()).isLessThanOrEqualTo(2);
	}

	private static PkixCertificateValidator pkixAt(Clock clock) {
		PkixCertificateValidator validator = new PkixCertificateValidator(TrustAnchors.of(ca.certificate()),
				List.of("1.3.6.1.5.5.7.3.2"), Duration.ofSeconds(30));
		validator.setClock(clock);
		return validator;
	}

	static final class CountingValidator implements CertificateValidator {

		final AtomicInteger calls = new AtomicInteger();

		private final CertificateValidator delegate;

		CountingValidator(CertificateValidator delegate) {
			this.delegate = delegate;
		}

		@Override
		public ValidationResult validate(List<X509Certificate> chain) {
			this.calls.incrementAndGet();
			return this.delegate.validate(chain);
		}

		@Override
		public ValidationResult validate(List<X509Certificate> chain, CertificateOrigin origin) {
			this.calls.incrementAndGet();
			return this.delegate.validate(chain, origin);
		}

	}

	static final class MutableClock extends Clock {

		private volatile Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
