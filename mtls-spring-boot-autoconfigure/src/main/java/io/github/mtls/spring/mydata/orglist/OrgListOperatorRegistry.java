package io.github.mtls.spring.mydata.orglist;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogMessage;
import org.springframework.util.Assert;

import io.github.mtls.spring.certificate.Sha256Fingerprint;
import io.github.mtls.spring.mydata.InMemoryOperatorRegistry;
import io.github.mtls.spring.mydata.OperatorRegistration;
import io.github.mtls.spring.mydata.OperatorRegistry;
import io.github.mtls.spring.mydata.SerialNumber;

/**
 * An {@link OperatorRegistry} over the MyData portal's org list, read from an
 * {@link OrgListSource} by {@link #refresh()}. Lookups read one immutable snapshot, which
 * a refresh replaces atomically: a request sees the old registry or the new one, never a
 * mix.
 * <p>
 * Rules:
 * <ul>
 * <li>A document whose entries carry no {@code op_type}, or whose
 * {@code search_timestamp} is 0 or absent, is a full list and replaces what was known. A
 * document with {@code op_type}s and a {@code search_timestamp} is an increment, applied
 * in order to what was known ({@code I}/{@code M} insert or replace by {@code org_code},
 * {@code D} deletes); before a first document it applies to an empty list.</li>
 * <li>A document whose {@code search_timestamp} (other than 0) is older than the last
 * applied one is ignored; a document identical to the last one read is skipped.</li>
 * <li>A missing, corrupt or inconsistent document keeps the last good registry and is
 * reported (WARN log naming the problem, never the document, and {@link #status()}).
 * Until a first good document the registry is empty: fail closed.</li>
 * <li>Entries whose {@code org_type} is not one of the allowed org types can't call. A
 * caller matches {@code serial_num}, or {@code org_regno} when that is absent, hyphens
 * ignored; an entry with neither, or with an unusable value or {@code ip_list}, can't
 * match and is logged once.</li>
 * <li>Org-list entries are active, get the configured default scopes, and allow only
 * their {@code ip_list} addresses when they have any.</li>
 * </ul>
 *
 * @author mtls-spring-boot
 */
public final class OrgListOperatorRegistry implements OperatorRegistry {

	private final Log logger = LogFactory.getLog(getClass());

	private final OrgListSource source;

	private final OrgListParser parser;

	private final OrgListRegistrations registrations;

	private volatile Snapshot snapshot = Snapshot.EMPTY;

	private final Object refreshLock = new Object();

	private volatile OrgListStatus status;

	private volatile @Nullable Instant lastGoodRead;

	private final Map<Outcome, LongAdder> refreshes = new EnumMap<>(Outcome.class);

	private Clock clock = Clock.systemUTC();

	/**
	 * Create a registry, empty until {@link #refresh()} applies a first document.
	 * @param source where the document is read from
	 * @param parser parses documents
	 * @param orgTypes the org types of entries that may call, such as {@code 03}
	 * @param defaultScopes the scopes granted to every org-list entry
	 */
	public OrgListOperatorRegistry(OrgListSource source, OrgListParser parser, Collection<String> orgTypes,
			Collection<String> defaultScopes) {
		Assert.notNull(source, "source cannot be null");
		Assert.notNull(parser, "parser cannot be null");
		Assert.notNull(orgTypes, "orgTypes cannot be null");
		Assert.notNull(defaultScopes, "defaultScopes cannot be null");
		this.source = source;
		this.parser = parser;
		this.registrations = new OrgListRegistrations(orgTypes, defaultScopes);
		this.status = new OrgListStatus(source.description(), false, null, null, null, "no document read yet", 0, 0, 0);
		for (Outcome outcome : Outcome.values()) {
			this.refreshes.put(outcome, new LongAdder());
		}
	}

	/**
	 * Set the clock of the status times.
	 * @param clock the clock
	 */
	public void setClock(Clock clock) {
		Assert.notNull(clock, "clock cannot be null");
		this.clock = clock;
	}

	@Override
	public List<OperatorRegistration> findBySerialNumber(SerialNumber serialNumber) {
		return this.snapshot.registry().findBySerialNumber(serialNumber);
	}

	@Override
	public List<OperatorRegistration> findByCertificateFingerprint(Sha256Fingerprint fingerprint) {
		return this.snapshot.registry().findByCertificateFingerprint(fingerprint);
	}

	/**
	 * Return every entry that can call, in document order.
	 * @return the registrations of the current snapshot
	 */
	@Override
	public List<OperatorRegistration> getRegistrations() {
		return this.snapshot.registry().getRegistrations();
	}

	/**
	 * Return what the registry last did.
	 * @return the status
	 */
	public OrgListStatus status() {
		return this.status;
	}

	/**
	 * Read the document and apply it if it is good, new and not older than the last one.
	 * Never throws: failures are logged and reported in {@link #status()}.
	 * @return what happened
	 */
	public Outcome refresh() {
		Outcome outcome = doRefresh();
		refreshCount(outcome).increment();
		return outcome;
	}

	/**
	 * Return how many refreshes ended with an outcome.
	 * @param outcome the outcome
	 * @return the count since startup
	 */
	public long refreshes(Outcome outcome) {
		Assert.notNull(outcome, "outcome cannot be null");
		return refreshCount(outcome).sum();
	}

	private LongAdder refreshCount(Outcome outcome) {
		// The constructor puts a counter for every outcome and none is ever removed.
		return Objects.requireNonNull(this.refreshes.get(outcome));
	}

	private Outcome doRefresh() {
		synchronized (this.refreshLock) {
			Instant now = this.clock.instant();
			Snapshot current = this.snapshot;
			byte[] content;
			try {
				content = this.source.read();
			}
			catch (IOException | RuntimeException ex) {
				return failed(current, now, "document could not be read (" + ex.getClass().getSimpleName() + ")");
			}
			String digest = Sha256Fingerprint.of(content).value();
			if (current.loaded() && digest.equals(current.digest())) {
				this.lastGoodRead = now;
				this.status = status(current, now, null);
				return Outcome.UNCHANGED;
			}
			OrgListDocument document;
			try {
				document = this.parser.parse(content);
			}
			catch (InvalidOrgListException ex) {
				String message = ex.getMessage();
				return failed(current, now, (message != null) ? message : "document is not a valid org list");
			}
			boolean full = !document.isIncrement() || document.searchTimestamp() == 0;
			if (current.loaded() && document.searchTimestamp() != 0
					&& document.searchTimestamp() < current.searchTimestamp()) {
				this.logger.warn(LogMessage.format(
						"Org list from %s ignored: its search_timestamp %s is older than the last applied %s",
						this.source.description(), document.searchTimestamp(), current.searchTimestamp()));
				this.lastGoodRead = now;
				this.status = status(current, now, null);
				return Outcome.STALE;
			}
			Map<String, OrgListEntry> entries = full ? new LinkedHashMap<>() : new LinkedHashMap<>(current.entries());
			for (OrgListEntry entry : document.entries()) {
				if (entry.isDeletion()) {
					entries.remove(entry.orgCode());
				}
				else {
					entries.put(entry.orgCode(), entry);
				}
			}
			InMemoryOperatorRegistry registry = new InMemoryOperatorRegistry(
					this.registrations.convert(entries.values()));
			long searchTimestamp = Math.max(document.searchTimestamp(), full ? 0 : current.searchTimestamp());
			Snapshot next = new Snapshot(true, Collections.unmodifiableMap(entries), searchTimestamp, digest, registry,
					now);
			this.snapshot = next;
			this.lastGoodRead = now;
			this.status = status(next, now, null);
			if (this.logger.isInfoEnabled()) {
				this.logger.info(LogMessage.format(
						"Org list from %s applied (%s, search_timestamp %s): %s entries, %s operators",
						this.source.description(), full ? "full list" : "increment", document.searchTimestamp(),
						entries.size(), registry.getRegistrations().size()));
			}
			return Outcome.APPLIED;
		}
	}

	private Outcome failed(Snapshot current, Instant now, String reason) {
		this.logger.warn(
				LogMessage.format("Org list from %s not applied: %s; %s", this.source.description(), reason,
						current.loaded()
								? "keeping the last good registry (" + current.registry().getRegistrations().size()
										+ " operators)"
								: "no org-list operator can call until a good document is read"));
		this.status = status(current, now, reason);
		return Outcome.FAILED;
	}

	private OrgListStatus status(Snapshot snapshot, Instant attempt, @Nullable String failure) {
		return new OrgListStatus(this.source.description(), snapshot.loaded(), snapshot.applied(), attempt,
				this.lastGoodRead, failure, snapshot.searchTimestamp(), snapshot.entries().size(),
				snapshot.registry().getRegistrations().size());
	}

	/**
	 * What a {@link #refresh()} did.
	 */
	public enum Outcome {

		/** A document was applied. */
		APPLIED,

		/** The document is the one last read: nothing to do. */
		UNCHANGED,

		/** The document is older than the last applied one and was ignored. */
		STALE,

		/** The document could not be read or used; the last good registry stays. */
		FAILED

	}

	private record Snapshot(boolean loaded, Map<String, OrgListEntry> entries, long searchTimestamp,
			@Nullable String digest, InMemoryOperatorRegistry registry, @Nullable Instant applied) {

		static final Snapshot EMPTY = new Snapshot(false, Map.of(), 0, null, new InMemoryOperatorRegistry(List.of()),
				null);

	}

}
