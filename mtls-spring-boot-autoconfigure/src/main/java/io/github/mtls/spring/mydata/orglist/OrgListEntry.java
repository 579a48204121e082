package io.github.mtls.spring.mydata.orglist;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One {@code org_list[]} entry of the portal's org list, the fields the starter uses;
 * other fields are ignored.
 *
 * @param opType {@code I} (inserted), {@code M} (modified), {@code D} (deleted), or
 * {@code null} in a full list
 * @param orgCode {@code org_code}
 * @param orgType {@code org_type}, such as {@code 03} for a MyData operator
 * @param orgName {@code org_name}
 * @param orgRegno {@code org_regno}, the business registration number
 * @param corpRegno {@code corp_regno}, the corporate registration number
 * @param serialNum {@code serial_num}, the SERIALNUMBER of the member's TLS certificate
 * @param ipList {@code ip_list[].ip}, the member's own outgoing addresses; an item
 * without one is an empty string (which no allowlist accepts)
 * @param industry {@code industry}
 * @param domain {@code domain}
 * @author mtls-spring-boot
 */
public record OrgListEntry(@Nullable String opType, String orgCode, @Nullable String orgType, @Nullable String orgName,
		@Nullable String orgRegno, @Nullable String corpRegno, @Nullable String serialNum, List<String> ipList,
		@Nullable String industry, @Nullable String domain) {

	public OrgListEntry {
		Assert.hasText(orgCode, "orgCode cannot be empty");
		ipList = List.copyOf(ipList);
	}

	/**
	 * Whether the entry deletes its org code.
	 * @return {@code true} for {@code op_type} {@code D}
	 */
	public boolean isDeletion() {
		return "D".equals(this.opType);
	}

}
