package io.github.mtls.spring.validation;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.mtls.spring.certificate.CertificateMemo;
import io.github.mtls.spring.certificate.CertificateOrigin;
import io.github.mtls.spring.certificate.Sha256Fingerprint;

/**
 * Remembers successful validations so that a chain seen before is not parsed or validated
 * again. An entry is keyed by the SHA-256 fingerprints of the chain's certificates, in
 * order, and its origin (each certificate object is hashed once, see
 * {@link CertificateMemo}), and lives no longer than the cache's time to live, the
 * earliest not-after in the chain and the revocation status it rests on
 * ({@link ValidationResult#validUntil()}): a hit is as safe as a full check. Failures are
 * not remembered.
 * <p>
 * Every entry records the generation of trust anchors it was computed under, read before
 * the delegate ran, and a lookup serves it only while that generation is still the
 * current one. {@link #clear()} starts a new generation, so a validation that overlapped
 * a reload can never be served afterwards, wherever the reload fell: before the delegate
 * returned, or between the result being checked and it being stored.
 *
 * @author mtls-spring-boot
 */
public final class CachingCertificateValidator implements CertificateValidator {

	private final CertificateValidator delegate;

	private final Duration ttl;

	private final Clock clock;

	private final Cache<ChainKey, Entry> cache;

	private final CertificateMemo<Sha256Fingerprint> fingerprints = new CertificateMemo<>(Sha256Fingerprint::of,
			CertificateMemo.DEFAULT_MAX_ENTRIES);

	private final AtomicLong generation = new AtomicLong();

	private final LongAdder hits = new LongAdder();

	private final LongAdder misses = new LongAdder();

	private ValidationObserver observer = ValidationObserver.NONE;

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

	/**
	 * Set who is told of every validation, whether the cache answered it and how long it
	 * took.
	 * @param observer the observer; none by default
	 */
	public void setObserver(ValidationObserver observer) {
		Assert.notNull(observer, "observer cannot be null");
		this.observer = observer;
	}

	/**
	 * Return the validator that does the work on a miss.
	 * @return the delegate
	 */
	public CertificateValidator getDelegate() {
		return this.delegate;
	}

	@Override
	public ValidationResult validate(List<X509Certificate> chain, CertificateOrigin origin) {
		long start = System.nanoTime();
		Lookup lookup = lookUp(chain, origin);
		(lookup.hit() ? this.hits : this.misses).increment();
		this.observer.validated(lookup.hit(), System.nanoTime() - start);
		return lookup.result();
	}

	private Lookup lookUp(List<X509Certificate> chain, CertificateOrigin origin) {
		ChainKey key = ChainKey.of(chain, origin, this.fingerprints);
		if (key == null) {
			return new Lookup(this.delegate.validate(chain, origin), false);
		}
		// Read before the delegate runs: the anchors it uses are then this generation's
		// or newer (a reload replaces the anchors before it clears).
		long generation = this.generation.get();
		Entry cached = this.cache.getIfPresent(key);
		Instant now = this.clock.instant();
		if (cached != null) {
			if (cached.generation() == generation && now.isBefore(cached.expiry())) {
				return new Lookup(ValidationResult.validUntil(cached.expiry()), true);
			}
			if (cached.generation() != generation) {
				// Stored by a validation that overlapped a reload: never served.
				this.cache.asMap().remove(key, cached);
			}
		}
		ValidationResult result = this.delegate.validate(chain, origin);
		if (result.isValid() && this.generation.get() == generation) {
			Instant limit = now.plus(this.ttl);
			Instant validUntil = result.validUntil();
			Instant expiry = (validUntil != null && validUntil.isBefore(limit)) ? validUntil : limit;
			if (now.isBefore(expiry)) {
				// A clear() may still land before this put: the entry's generation
				// keeps it from being served.
				this.cache.put(key, new Entry(expiry, generation));
			}
		}
		return new Lookup(result, false);
	}

	/**
	 * Forget every remembered chain, as when the trust anchors change.
	 */
	public void clear() {
		// The new generation, not the invalidation, is what keeps a result computed
		// under the old anchors from being served: it may be stored after this.
		this.generation.incrementAndGet();
		this.cache.invalidateAll();
	}

	/**
	 * Return how many validations the cache answered.
	 * @return the count since startup
	 */
	public long hits() {
		return this.hits.sum();
	}

	/**
	 * Return how many validations the delegate had to do.
	 * @return the count since startup
	 */
	public long misses() {
		return this.misses.sum();
	}

	/**
	 * Return how many chains are remembered.
	 * @return the estimated size
	 */
	public long size() {
		this.cache.cleanUp();
		return this.cache.estimatedSize();
	}

	/**
	 * A chain as the fingerprints of its certificates, in order, and where it came from.
	 */
	private record ChainKey(List<Sha256Fingerprint> certificates, CertificateOrigin origin) {

		static @Nullable ChainKey of(List<X509Certificate> chain, CertificateOrigin origin,
				CertificateMemo<Sha256Fingerprint> fingerprints) {
			List<Sha256Fingerprint> certificates = new ArrayList<>(chain.size());
			try {
				for (X509Certificate certificate : chain) {
					certificates.add(fingerprints.get(certificate));
				}
			}
			catch (IllegalArgumentException ex) {
				// Not encodable: validated without the cache.
				return null;
			}
			return new ChainKey(certificates, origin);
		}

	}

	/**
	 * A validation's result and whether the cache answered it.
	 */
	private record Lookup(ValidationResult result, boolean hit) {

	}

	/**
	 * A remembered validation: until when it holds and the generation of anchors it was
	 * computed under.
	 */
	private record Entry(Instant expiry, long generation) {

	}

	private static final class UntilInstant implements Expiry<ChainKey, Entry> {

		private final Clock clock;

		UntilInstant(Clock clock) {
			this.clock = clock;
		}

		@Override
		public long expireAfterCreate(ChainKey key, Entry value, long currentTime) {
			return Math.max(0, Duration.between(this.clock.instant(), value.expiry()).toNanos());
		}

		@Override
		public long expireAfterUpdate(ChainKey key, Entry value, long currentTime, long currentDuration) {
			return expireAfterCreate(key, value, currentTime);
		}

		@Override
		public long expireAfterRead(ChainKey key, Entry value, long currentTime, long currentDuration) {
			return currentDuration;
		}

	}

}
