package io.github.mtls.spring.validation.revocation;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Remembers for a few seconds which revocation sources (OCSP responders, CRL locations)
 * failed, keyed by the source and not by the certificate, so that a dead responder costs
 * one timeout per source and period rather than one per request. Counts the lookups it
 * answered from a remembered failure, the fetches by outcome, and what each source last
 * did, for metrics and the {@code mtls} endpoint. One instance may serve several
 * checkers.
 *
 * @author mtls-spring-boot
 */
public final class RevocationSourceFailures {

	/**
	 * How long a failed source is left alone unless told otherwise.
	 */
	public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(10);

	private static final int MAX_SOURCES = 256;

	private final Duration retryAfter;

	private final Map<Key, Instant> failures = new ConcurrentHashMap<>();

	private final Map<Kind, LongAdder> skipped = new EnumMap<>(Kind.class);

	private final Map<Kind, LongAdder> fetched = new EnumMap<>(Kind.class);

	private final Map<Kind, LongAdder> fetchesFailed = new EnumMap<>(Kind.class);

	private final Map<Key, SourceState> states = new ConcurrentHashMap<>();

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
			this.fetched.put(kind, new LongAdder());
			this.fetchesFailed.put(kind, new LongAdder());
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
			counter(this.skipped, kind).increment();
			return true;
		}
		return false;
	}

	void failed(Kind kind, URI source, Instant now) {
		Key key = new Key(kind, source);
		this.failures.put(key, now);
		counter(this.fetchesFailed, kind).increment();
		SourceState previous = this.states.get(key);
		record(key, new SourceState(kind, source, now, false, (previous != null) ? previous.nextUpdate() : null,
				(previous != null) ? previous.consecutiveFailures() + 1 : 1));
	}

	void succeeded(Kind kind, URI source, Instant now, @Nullable Instant nextUpdate) {
		Key key = new Key(kind, source);
		this.failures.remove(key);
		counter(this.fetched, kind).increment();
		record(key, new SourceState(kind, source, now, true, nextUpdate, 0));
	}

	private static LongAdder counter(Map<Kind, LongAdder> counters, Kind kind) {
		// The constructor puts a counter for every kind and none is ever removed.
		return Objects.requireNonNull(counters.get(kind));
	}

	private void record(Key key, SourceState state) {
		// Sources come from configuration and from CA-issued certificates that passed
		// PKIX, so they are few; the bound keeps a misbehaving CA from growing the map.
		if (this.states.size() < MAX_SOURCES || this.states.containsKey(key)) {
			this.states.put(key, state);
		}
	}

	/**
	 * Return how many fetches of a kind got a usable answer from their source.
	 * @param kind the kind of source
	 * @return the count since this memory was created
	 */
	public long fetched(Kind kind) {
		Assert.notNull(kind, "kind cannot be null");
		return counter(this.fetched, kind).sum();
	}

	/**
	 * Return how many fetches of a kind failed: no answer, garbage, or the source's own
	 * error.
	 * @param kind the kind of source
	 * @return the count since this memory was created
	 */
	public long fetchesFailed(Kind kind) {
		Assert.notNull(kind, "kind cannot be null");
		return counter(this.fetchesFailed, kind).sum();
	}

	/**
	 * Return what each source fetched so far last did, ordered by kind and location.
	 * @return the states
	 */
	public List<SourceState> sources() {
		List<SourceState> sources = new ArrayList<>(this.states.values());
		sources.sort(Comparator.comparing(SourceState::kind).thenComparing((state) -> state.location().toString()));
		return sources;
	}

	/**
	 * Return how many lookups of a kind were answered from a remembered failure, without
	 * asking the source.
	 * @param kind the kind of source
	 * @return the count since this memory was created
	 */
	public long skipped(Kind kind) {
		Assert.notNull(kind, "kind cannot be null");
		return counter(this.skipped, kind).sum();
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

	/**
	 * What a revocation source last did.
	 *
	 * @param kind the kind of source
	 * @param location its location
	 * @param lastFetch when it was last asked
	 * @param available whether that fetch got a usable answer
	 * @param nextUpdate the next update of its last usable answer, if it gave one
	 * @param consecutiveFailures how many fetches in a row failed
	 */
	public record SourceState(Kind kind, URI location, Instant lastFetch, boolean available,
			@Nullable Instant nextUpdate, long consecutiveFailures) {

	}

}
