package io.github.mtls.spring.mydata.orglist;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What an {@link OrgListOperatorRegistry} last did, for health and operations.
 *
 * @param location where the document is read from
 * @param loaded whether a good document has been applied since startup; until then no
 * org-list operator can call
 * @param lastApplied when a document was last applied, or {@code null}
 * @param lastAttempt when the document was last read, or {@code null}
 * @param lastGoodRead when a good document was last read (applied, unchanged, or ignored
 * as older than the last applied one), or {@code null}
 * @param lastFailure why the last read was not applied, or {@code null} when it was (or
 * was unchanged)
 * @param searchTimestamp the {@code search_timestamp} of the last applied document
 * @param entries the number of org-list entries known, of every org type
 * @param operators the number of entries that can call (org type allowed and matchable)
 * @author mtls-spring-boot
 */
public record OrgListStatus(String location, boolean loaded, @Nullable Instant lastApplied,
		@Nullable Instant lastAttempt, @Nullable Instant lastGoodRead, @Nullable String lastFailure,
		long searchTimestamp, int entries, int operators) {

}
