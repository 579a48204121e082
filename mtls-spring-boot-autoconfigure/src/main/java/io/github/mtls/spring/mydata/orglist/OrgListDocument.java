package io.github.mtls.spring.mydata.orglist;

import java.util.List;

import org.springframework.util.Assert;

/**
 * A parsed and checked org-list document.
 * <p>
 * A document whose entries carry no {@code op_type} is a <em>full list</em>: it replaces
 * what was known. A document with {@code op_type}s is an <em>increment</em>: {@code I}
 * and {@code M} insert or replace their org code's entry, {@code D} deletes it.
 *
 * @param searchTimestamp {@code search_timestamp} as a number, 0 when absent
 * @param entries the {@code org_list} entries, in document order
 * @author mtls-spring-boot
 */
public record OrgListDocument(long searchTimestamp, List<OrgListEntry> entries) {

	public OrgListDocument {
		Assert.notNull(entries, "entries cannot be null");
		entries = List.copyOf(entries);
	}

	/**
	 * Whether this document is an increment (some entry carries an {@code op_type}).
	 * @return {@code true} for an increment, {@code false} for a full list
	 */
	public boolean isIncrement() {
		return this.entries.stream().anyMatch((entry) -> entry.opType() != null);
	}

}
