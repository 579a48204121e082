package io.github.mtls.spring.mydata.orglist;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;

import io.github.mtls.spring.mydata.OrgCode;

/**
 * Parses the MyData portal's org-list JSON (support API 002 response: {@code rsp_code},
 * {@code rsp_msg}, {@code search_timestamp}, {@code org_cnt}, {@code org_list[]}) and
 * checks it is consistent: {@code rsp_code} {@code 00000}, {@code org_cnt} equal to the
 * number of entries, each entry with an {@code org_code} of 10 ASCII letters and digits
 * that occurs once, {@code op_type} one of I, M, D. Unknown fields are ignored; numbers
 * may be written as JSON numbers or strings.
 *
 * @author mtls-spring-boot
 */
public final class OrgListParser {

	private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

	private final JsonMapper jsonMapper;

	/**
	 * Create a parser that refuses trailing content after the document.
	 */
	public OrgListParser() {
		this(JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build());
	}

	/**
	 * Create a parser.
	 * @param jsonMapper reads the JSON
	 */
	public OrgListParser(JsonMapper jsonMapper) {
		Assert.notNull(jsonMapper, "jsonMapper cannot be null");
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Parse and check a document.
	 * @param content the document's bytes (UTF-8 JSON)
	 * @return the document
	 * @throws InvalidOrgListException if the document is not usable
	 */
	public OrgListDocument parse(byte[] content) {
		JsonNode root;
		try {
			root = this.jsonMapper.readTree(content);
		}
		catch (JacksonException ex) {
			throw new InvalidOrgListException("Org list is not valid JSON");
		}
		if (root == null || !root.isObject()) {
			throw new InvalidOrgListException("Org list is not a JSON object");
		}
		String rspCode = text(root, "rsp_code");
		if (!"00000".equals(rspCode)) {
			throw new InvalidOrgListException("Org list rsp_code is not 00000");
		}
		long searchTimestamp = number(root, "search_timestamp", 0);
		JsonNode list = root.get("org_list");
		if (list == null || list.isNull()) {
			list = this.jsonMapper.createArrayNode();
		}
		if (!list.isArray()) {
			throw new InvalidOrgListException("Org list org_list is not an array");
		}
		long orgCount = number(root, "org_cnt", -1);
		if (orgCount >= 0 && orgCount != list.size()) {
			throw new InvalidOrgListException("Org list org_cnt does not match the number of org_list entries");
		}
		List<OrgListEntry> entries = new ArrayList<>(list.size());
		Set<String> orgCodes = new HashSet<>();
		for (int i = 0; i < list.size(); i++) {
			OrgListEntry entry = entry(list.get(i), i);
			if (!orgCodes.add(entry.orgCode())) {
				throw new InvalidOrgListException("Org list has org_code " + entry.orgCode() + " more than once");
			}
			entries.add(entry);
		}
		return new OrgListDocument(searchTimestamp, entries);
	}

	private static OrgListEntry entry(JsonNode node, int index) {
		if (!node.isObject()) {
			throw new InvalidOrgListException("Org list entry " + index + " is not an object");
		}
		String orgCode = text(node, "org_code");
		if (orgCode == null || !OrgCode.isValid(orgCode)) {
			throw new InvalidOrgListException("Org list entry " + index + " has no valid org_code (aN(10))");
		}
		String opType = text(node, "op_type");
		if (opType != null && !opType.equals("I") && !opType.equals("M") && !opType.equals("D")) {
			throw new InvalidOrgListException("Org list entry " + orgCode + " has an op_type other than I, M or D");
		}
		return new OrgListEntry(opType, orgCode, text(node, "org_type"), text(node, "org_name"),
				text(node, "org_regno"), text(node, "corp_regno"), text(node, "serial_num"), ipList(node, orgCode),
				text(node, "industry"), text(node, "domain"));
	}

	private static List<String> ipList(JsonNode node, String orgCode) {
		JsonNode list = node.get("ip_list");
		if (list == null || list.isNull()) {
			return List.of();
		}
		if (!list.isArray()) {
			throw new InvalidOrgListException("Org list entry " + orgCode + " has an ip_list that is not an array");
		}
		List<String> addresses = new ArrayList<>(list.size());
		for (JsonNode item : list.values()) {
			String address = item.isString() ? item.stringValue() : text(item, "ip");
			// An item without an address makes only this entry unusable: kept as "",
			// which no allowlist accepts, so the entry can't call.
			addresses.add((address != null) ? address.trim() : "");
		}
		return addresses;
	}

	private static String stripSpaces(String value) {
		int start = 0;
		int end = value.length();
		while (start < end && value.charAt(start) == ' ') {
			start++;
		}
		while (end > start && value.charAt(end - 1) == ' ') {
			end--;
		}
		return value.substring(start, end);
	}

	private static @Nullable String text(JsonNode node, String name) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isString()) {
			// Spaces only: String.trim() would also strip NUL and other controls, and
			// "07\u0000" would count as org type 07.
			String text = stripSpaces(value.stringValue());
			return text.isEmpty() ? null : text;
		}
		if (value.isNumber() || value.isBoolean()) {
			return value.asString();
		}
		return null;
	}

	private static long number(JsonNode node, String name, long absent) {
		String text = text(node, name);
		if (text == null) {
			return absent;
		}
		if (!DIGITS.matcher(text).matches()) {
			throw new InvalidOrgListException("Org list " + name + " is not a number");
		}
		return Long.parseLong(text);
	}

}
