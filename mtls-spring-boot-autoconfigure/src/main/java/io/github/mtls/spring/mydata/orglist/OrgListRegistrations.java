package io.github.mtls.spring.mydata.orglist;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogMessage;

import io.github.mtls.spring.mydata.IpAllowlist;
import io.github.mtls.spring.mydata.OperatorRegistration;
import io.github.mtls.spring.mydata.OperatorStatus;
import io.github.mtls.spring.mydata.SerialNumber;

/**
 * Turns org-list entries into the registry entries that may call: org type allowed,
 * SERIALNUMBER from {@code serial_num} (else {@code org_regno}), {@code ip_list} as
 * allowlist, the default scopes. An entry that can't match is logged once and left out.
 *
 * @author mtls-spring-boot
 */
final class OrgListRegistrations {

	private final Log logger = LogFactory.getLog(OrgListOperatorRegistry.class);

	private final Set<String> orgTypes;

	private final Set<String> defaultScopes;

	private final Set<String> reported = ConcurrentHashMap.newKeySet();

	OrgListRegistrations(Collection<String> orgTypes, Collection<String> defaultScopes) {
		this.orgTypes = Set.copyOf(orgTypes);
		this.defaultScopes = Set.copyOf(defaultScopes);
	}

	List<OperatorRegistration> convert(Collection<OrgListEntry> entries) {
		List<OperatorRegistration> registrations = new ArrayList<>();
		for (OrgListEntry entry : entries) {
			if (entry.orgType() == null || !this.orgTypes.contains(entry.orgType())) {
				continue;
			}
			OperatorRegistration registration = registration(entry);
			if (registration != null) {
				registrations.add(registration);
			}
		}
		return registrations;
	}

	private @Nullable OperatorRegistration registration(OrgListEntry entry) {
		String written = (entry.serialNum() != null) ? entry.serialNum() : entry.orgRegno();
		if (written == null) {
			reportOnce(entry, "has neither serial_num nor org_regno: it can only match by certificate fingerprint,"
					+ " which the org list does not carry, so it can't call");
			return null;
		}
		SerialNumber serialNumber = SerialNumber.parse(written);
		if (serialNumber == null) {
			reportOnce(entry, "has a serial_num or org_regno that is not 1-20 ASCII letters, digits and hyphens:"
					+ " it can't call");
			return null;
		}
		IpAllowlist allowlist;
		try {
			allowlist = IpAllowlist.of(entry.ipList());
		}
		catch (IllegalArgumentException ex) {
			reportOnce(entry, "has an ip_list item without an IP address or CIDR range: it can't call");
			return null;
		}
		String name = (entry.orgName() != null) ? entry.orgName() : entry.orgCode();
		return new OperatorRegistration(entry.orgCode(), (entry.orgRegno() != null) ? entry.orgRegno() : "",
				serialNumber, name, OperatorStatus.ACTIVE, new LinkedHashSet<>(this.defaultScopes), Set.of(), allowlist,
				entry.industry(), entry.orgType());
	}

	private void reportOnce(OrgListEntry entry, String problem) {
		if (this.reported.add(entry.orgCode() + ' ' + problem)) {
			this.logger.warn(LogMessage.format("Org list entry %s %s", entry.orgCode(), problem));
		}
	}

}
