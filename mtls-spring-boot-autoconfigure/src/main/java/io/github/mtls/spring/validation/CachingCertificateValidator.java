package io.github.mtls.spring.validation;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Remembers successful validations so that a chain seen before is not parsed or validated
 * again. An entry is keyed by the SHA-256 of the chain's DER encodings and its origin,
 * and lives no longer than the cache's time to live, the earliest not-after in the chain
 * and the revocation status it rests on ({@link ValidationResult#validUntil()}): a hit is
 * as safe as a full check. Failures are not remembered.
 *
 * @author mtls-spring-boot
 */
public final class CachingCertificateValidator implements CertificateValidator {

	private final CertificateValidator delegate;

	private final Duration ttl;

	private final Clock clock;

	private final Cache<ChainKey, Instant> cache;

	private final AtomicLong generation = new AtomicLong();

	/**
	 * Create a caching validator.
	 * @param delegate does the validation
	 * @param maxEntries the most chains remembered
	 * @param ttl the longest time a chain is remembered
	 * @param clock tells the time, for expiry
	 */
	public CachingCertificateValidator(CertificateValidator delegate, int maxEntries, Duration ttl, Clock clock) {
		Assert.notNull(delegate, "delegate cannot be null");
		Assert.isTrue(maxEntries > 0, "maxEntries must be positive");
		Assert.isTrue(!ttl.isNegative() && !ttl.isZero(), "ttl must be positive");
		Assert.notNull(clock, "clock cannot be null");
		this.delegate = delegate;
		this.ttl = ttl;
		this.clock = clock;
		this.cache = Caffeine.newBuilder()
			.maximumSize(maxEntries)
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
			.expireAfter(new UntilInstant(clock))
			.build();
	}

	@Override
	public ValidationResult validate(List<X509Certificate> chain) {
		return validate(chain, CertificateOrigin.DIRECT);
	}

	@Override
	public ValidationResult validate(List<X509Certificate> chain, CertificateOrigin origin) {
		ChainKey key = ChainKey.of(chain, origin);
		if (key == null) {
			return this.delegate.validate(chain, origin);
		}
		Instant cached = this.cache.getIfPresent(key);
		Instant now = this.clock.instant();
		if (cached != null && now.isBefore(cached)) {
			return ValidationResult.validUntil(cached);
		}
		long generationBefore = this.generation.get();
		ValidationResult result = this.delegate.validate(chain, origin);
		// A validation that overlapped clear() may rest on the old anchors: not
		// remembered.
		if (result.isValid() && this.generation.get() == generationBefore) {
			Instant limit = now.plus(this.ttl);
			Instant validUntil = result.validUntil();
			Instant expiry = (validUntil != null && validUntil.isBefore(limit)) ? validUntil : limit;
			if (now.isBefore(expiry)) {
				this.cache.put(key, expiry);
			}
		}
		return result;
	}

	/**
	 * Forget every remembered chain, as when the trust anchors change.
	 */
	public void clear() {
		this.generation.incrementAndGet();
		this.cache.invalidateAll();
	}

	/**
	 * Return how many chains are remembered.
	 * @return the estimated size
	 */
	public long size() {
		this.cache.cleanUp();
		return this.cache.estimatedSize();
	}

	private record ChainKey(byte[] digest, CertificateOrigin origin) {

		static @Nullable ChainKey of(List<X509Certificate> chain, CertificateOrigin origin) {
			try {
				MessageDigest digest = MessageDigest.getInstance("SHA-256");
				for (X509Certificate certificate : chain) {
					byte[] der = certificate.getEncoded();
					digest.update((byte) (der.length >>> 24));
					digest.update((byte) (der.length >>> 16));
					digest.update((byte) (der.length >>> 8));
					digest.update((byte) der.length);
					digest.update(der);
				}
				return new ChainKey(digest.digest(), origin);
			}
			catch (CertificateEncodingException | NoSuchAlgorithmException ex) {
				return null;
			}
		}

		@Override
		public boolean equals(Object other) {
			return (other instanceof ChainKey key) && this.origin == key.origin
					&& MessageDigest.isEqual(this.digest, key.digest);
		}

		@Override
		public int hashCode() {
			return 31 * Arrays.hashCode(this.digest) + this.origin.hashCode();
		}

	}

	private static final class UntilInstant implements Expiry<ChainKey, Instant> {

		private final Clock clock;

		UntilInstant(Clock clock) {
			this.clock = clock;
		}

		@Override
		public long expireAfterCreate(ChainKey key, Instant value, long currentTime) {
			return Math.max(0, Duration.between(this.clock.instant(), value).toNanos());
		}

		@Override
		public long expireAfterUpdate(ChainKey key, Instant value, long currentTime, long currentDuration) {
			return expireAfterCreate(key, value, currentTime);
		}

		@Override
		public long expireAfterRead(ChainKey key, Instant value, long currentTime, long currentDuration) {
			return currentDuration;
		}

	}

}
