package io.github.mtls.spring.validation;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.github.mtls.spring.certificate.CertificateOrigin;
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
	void validateWhenAnchorsReloadedWhileValidatingThenNextLookupUsesTheNewAnchors() throws Exception {
		PkixCertificateValidator pkix = pkixAt(this.clock);
		CountDownLatch validated = new CountDownLatch(1);
		CountDownLatch reloaded = new CountDownLatch(1);
		CountingValidator blocking = new CountingValidator((chain, origin) -> {
			ValidationResult result = pkix.validate(chain, origin);
			validated.countDown();
			await(reloaded);
			return result;
		});
		CachingCertificateValidator caching = new CachingCertificateValidator(blocking, 100, Duration.ofMinutes(5),
				this.clock);
		CompletableFuture<ValidationResult> during = CompletableFuture
			.supplyAsync(() -> caching.validate(operator.chain()));
		await(validated);
		reload(pkix, caching);
		reloaded.countDown();
		assertThat(during.get(10, TimeUnit.SECONDS).isValid()).isTrue();
		assertThat(caching.validate(operator.chain()).failure()).isEqualTo(MtlsReason.CERTIFICATE_UNTRUSTED);
		assertThat(blocking.calls).hasValue(2);
	}

	@Test
	void validateWhenReloadLandsBetweenGenerationCheckAndPutThenStaleResultNotServed() throws Exception {
		// The reload happens after the validation returned and its generation was
		// checked, while the cache is storing it: the window a check-then-put leaves.
		PausingClock pausing = new PausingClock(this.clock);
		PkixCertificateValidator pkix = pkixAt(pausing);
		CountingValidator pausingAfterReturn = new CountingValidator((chain, origin) -> {
			ValidationResult result = pkix.validate(chain, origin);
			pausing.pauseNextReadOnThisThread();
			return result;
		});
		CachingCertificateValidator caching = new CachingCertificateValidator(pausingAfterReturn, 100,
				Duration.ofMinutes(5), pausing);
		CompletableFuture<ValidationResult> during = CompletableFuture
			.supplyAsync(() -> caching.validate(operator.chain()));
		await(pausing.paused);
		reload(pkix, caching);
		pausing.resume.countDown();
		assertThat(during.get(10, TimeUnit.SECONDS).isValid()).isTrue();
		assertThat(caching.validate(operator.chain()).failure()).isEqualTo(MtlsReason.CERTIFICATE_UNTRUSTED);
		assertThat(pausingAfterReturn.calls).hasValue(2);
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

	private static void reload(PkixCertificateValidator pkix, CachingCertificateValidator caching) {
		// As the bundle update handler does: new anchors, then clear.
		pkix.setTrustAnchors(TrustAnchors.of(CertificateAuthority.root("Next CA").certificate()));
		caching.clear();
	}

	private static void await(CountDownLatch latch) {
		try {
			// The bound only keeps a broken test from hanging the build.
			assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static final class CountingValidator implements CertificateValidator {

		final AtomicInteger calls = new AtomicInteger();

		private final CertificateValidator delegate;

		CountingValidator(CertificateValidator delegate) {
			this.delegate = delegate;
		}

		CountingValidator(OriginAwareValidator delegate) {
			this.delegate = new CertificateValidator() {

				@Override
				public ValidationResult validate(List<X509Certificate> chain) {
					return delegate.validate(chain, CertificateOrigin.DIRECT);
				}

				@Override
				public ValidationResult validate(List<X509Certificate> chain, CertificateOrigin origin) {
					return delegate.validate(chain, origin);
				}

			};
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

	@FunctionalInterface
	interface OriginAwareValidator {

		ValidationResult validate(List<X509Certificate> chain, CertificateOrigin origin);

	}

	/**
	 * A clock that, once asked to, stops the next read on the thread that asked until
	 * {@link #resume} is counted down, so a test can act while that thread is at a known
	 * point.
	 */
	static final class PausingClock extends Clock {

		final CountDownLatch paused = new CountDownLatch(1);

		final CountDownLatch resume = new CountDownLatch(1);

		private final Clock delegate;

		private final AtomicReference<Thread> pauseOn = new AtomicReference<>();

		PausingClock(Clock delegate) {
			this.delegate = delegate;
		}

		void pauseNextReadOnThisThread() {
			this.pauseOn.set(Thread.currentThread());
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
			if (this.pauseOn.compareAndSet(Thread.currentThread(), null)) {
				this.paused.countDown();
				await(this.resume);
			}
			return this.delegate.instant();
		}

	}

}
