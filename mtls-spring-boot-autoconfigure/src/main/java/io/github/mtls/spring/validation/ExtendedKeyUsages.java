package io.github.mtls.spring.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns configured extended key usages, names such as {@code client-auth} or dotted OIDs,
 * into OIDs.
 *
 * @author mtls-spring-boot
 */
public final class ExtendedKeyUsages {

	private static final Map<String, String> NAMES = Map.of("client-auth", "1.3.6.1.5.5.7.3.2", "server-auth",
			"1.3.6.1.5.5.7.3.1", "code-signing", "1.3.6.1.5.5.7.3.3", "email-protection", "1.3.6.1.5.5.7.3.4",
			"time-stamping", "1.3.6.1.5.5.7.3.8", "ocsp-signing", "1.3.6.1.5.5.7.3.9");

	private ExtendedKeyUsages() {
	}

	/**
	 * Resolve names and OIDs to OIDs.
	 * @param configured names ({@code client-auth}, {@code server-auth},
	 * {@code code-signing}, {@code email-protection}, {@code time-stamping},
	 * {@code ocsp-signing}) or dotted OIDs
	 * @return the OIDs, in order
	 * @throws IllegalArgumentException naming the first entry that is neither
	 */
	public static List<String> toOids(List<String> configured) {
		List<String> oids = new ArrayList<>(configured.size());
		for (String entry : configured) {
			String trimmed = entry.trim();
			String oid = NAMES.get(trimmed.toLowerCase(Locale.ROOT).replace('_', '-'));
			if (oid == null && ObjectIdentifier.isDotted(trimmed)) {
				oid = trimmed;
			}
			if (oid == null) {
				throw new IllegalArgumentException("Expected an extended key usage name " + NAMES.keySet()
						+ " or a dotted OID, but got '" + trimmed + "'");
			}
			oids.add(oid);
		}
		return List.copyOf(oids);
	}

}
