package io.github.mtls.spring.validation.revocation;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.util.Assert;

/**
 * Remembers for a few seconds which revocation sources (OCSP responders, CRL locations)
 * failed, keyed by the source and not by the certificate, so that a dead responder costs
 * one timeout per source and period rather than one per request. Counts the lookups it
 * answered from a remembered failure. One instance may serve several checkers.
 *
 * @author mtls-spring-boot
 */
public final class RevocationSourceFailures {

	/**
	 * How long a failed source is left alone unless told otherwise.
	 */
	public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(10);

	private final Duration retryAfter;

	private final Map<Key, Instant> failures = new ConcurrentHashMap<>();

	private final Map<Kind, LongAdder> skipped = new EnumMap<>(Kind.class);

	/**
	 * Create a memory that leaves a failed source alone for {@link #DEFAULT_RETRY_AFTER}.
	 */
	public RevocationSourceFailures() {
		this(DEFAULT_RETRY_AFTER);
	}

	/**
	 * Create a memory.
	 * @param retryAfter how long a failed source is left alone
	 */
	public RevocationSourceFailures(Duration retryAfter) {
		Assert.notNull(retryAfter, "retryAfter cannot be null");
		Assert.isTrue(!retryAfter.isNegative(), "retryAfter cannot be negative");
		this.retryAfter = retryAfter;
		for (Kind kind : Kind.values()) {
			this.skipped.put(kind, new LongAdder());
		}
	}

	/**
	 * Whether the source failed less than the retry period ago; if so, counts a lookup
	 * answered from the remembered failure.
	 * @param kind the kind of source
	 * @param source its location
	 * @param now the current time
	 * @return {@code true} if the caller should not ask it now
	 */
	boolean failedRecently(Kind kind, URI source, Instant now) {
		Instant failed = this.failures.get(new Key(kind, source));
		if (failed != null && now.isBefore(failed.plus(this.retryAfter))) {
			this.skipped.get(kind).increment();
			return true;
		}
		return false;
	}

	void failed(Kind kind, URI source, Instant now) {
		this.failures.put(new Key(kind, source), now);
	}

	void succeeded(Kind kind, URI source) {
		this.failures.remove(new Key(kind, source));
	}

	/**
	 * Return how many lookups of a kind were answered from a remembered failure, without
	 * asking the source.
	 * @param kind the kind of source
	 * @return the count since this memory was created
	 */
	public long skipped(Kind kind) {
		Assert.notNull(kind, "kind cannot be null");
		return this.skipped.get(kind).sum();
	}

	/**
	 * The kinds of revocation source.
	 */
	public enum Kind {

		/** An OCSP responder. */
		OCSP,

		/** A CRL location. */
		CRL

	}

	private record Key(Kind kind, URI source) {

	}

}
