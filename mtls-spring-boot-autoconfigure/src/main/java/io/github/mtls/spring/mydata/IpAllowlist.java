package io.github.mtls.spring.mydata;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.mtls.spring.net.IpAddress;
import io.github.mtls.spring.net.IpAddressRange;

/**
 * The client addresses an operator entry may call from: IPv4 and IPv6 addresses and CIDR
 * ranges ({@link IpAddressRange}: an address matches ranges of its own family only,
 * IPv4-mapped IPv6 counts as IPv4). An empty allowlist allows any address.
 *
 * @author mtls-spring-boot
 */
public final class IpAllowlist {

	private static final IpAllowlist ANY = new IpAllowlist(List.of(), List.of());

	private final List<String> entries;

	private final List<IpAddressRange> ranges;

	private IpAllowlist(List<String> entries, List<IpAddressRange> ranges) {
		this.entries = List.copyOf(entries);
		this.ranges = List.copyOf(ranges);
	}

	/**
	 * Return the allowlist that allows any address.
	 * @return the empty allowlist
	 */
	public static IpAllowlist any() {
		return ANY;
	}

	/**
	 * Parse an allowlist.
	 * @param entries the IP addresses or CIDR ranges, such as {@code 203.0.113.7} or
	 * {@code 2001:db8::/32}
	 * @return the allowlist; empty entries give {@link #any()}
	 * @throws IllegalArgumentException if an entry is not an IP address or CIDR range
	 */
	public static IpAllowlist of(List<String> entries) {
		Assert.notNull(entries, "entries cannot be null");
		if (entries.isEmpty()) {
			return ANY;
		}
		List<String> trimmed = new ArrayList<>(entries.size());
		List<IpAddressRange> ranges = new ArrayList<>(entries.size());
		for (String entry : entries) {
			Assert.notNull(entry, "entry cannot be null");
			String value = entry.trim();
			ranges.add(parseEntry(value));
			trimmed.add(value);
		}
		return new IpAllowlist(trimmed, ranges);
	}

	/**
	 * Parse one allowlist entry, so that configuration can name the entry that is wrong.
	 * @param entry an IP address or CIDR range
	 * @return the range
	 * @throws IllegalArgumentException if the entry is not an IP address or CIDR range
	 */
	public static IpAddressRange parseEntry(String entry) {
		Assert.notNull(entry, "entry cannot be null");
		try {
			return IpAddressRange.of(entry.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"Expected an IPv4 or IPv6 address or CIDR range, such as 203.0.113.0/24");
		}
	}

	/**
	 * Whether any address is allowed.
	 * @return {@code true} for an empty allowlist
	 */
	public boolean allowsAny() {
		return this.ranges.isEmpty();
	}

	/**
	 * Whether an address is allowed.
	 * @param address the caller's address, an IP literal; {@code null} when unknown
	 * @return {@code true} if the allowlist is empty or holds the address
	 */
	public boolean allows(@Nullable String address) {
		if (this.ranges.isEmpty()) {
			return true;
		}
		IpAddress parsed = (address != null) ? IpAddress.parse(unbracket(address)) : null;
		if (parsed == null) {
			return false;
		}
		for (IpAddressRange range : this.ranges) {
			if (range.contains(parsed)) {
				return true;
			}
		}
		return false;
	}

	private static String unbracket(String address) {
		return (address.length() > 2 && address.startsWith("[") && address.endsWith("]"))
				? address.substring(1, address.length() - 1) : address;
	}

	/**
	 * Return the entries as configured.
	 * @return the entries
	 */
	public List<String> entries() {
		return this.entries;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof IpAllowlist allowlist) && this.entries.equals(allowlist.entries);
	}

	@Override
	public int hashCode() {
		return this.entries.hashCode();
	}

	@Override
	public String toString() {
		return "IpAllowlist" + this.entries;
	}

}
