package io.github.mtls.spring.mydata;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.util.Assert;

import io.github.mtls.spring.source.IpLiterals;

/**
 * The client addresses an operator entry may call from: IPv4 and IPv6 addresses and CIDR
 * ranges, matched with Spring Security's {@link IpAddressMatcher#matches(String)}. An
 * empty allowlist allows any address.
 *
 * @author mtls-spring-boot
 */
public final class IpAllowlist {

	private static final IpAllowlist ANY = new IpAllowlist(List.of(), List.of());

	private final List<String> entries;

	private final List<IpAddressMatcher> matchers;

	private IpAllowlist(List<String> entries, List<IpAddressMatcher> matchers) {
		this.entries = List.copyOf(entries);
		this.matchers = List.copyOf(matchers);
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
	 * @param entries IP addresses or CIDR ranges, such as {@code 203.0.113.7} or
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
		List<IpAddressMatcher> matchers = new ArrayList<>(entries.size());
		for (String entry : entries) {
			Assert.notNull(entry, "entry cannot be null");
			String value = entry.trim();
			matchers.add(matcher(value));
			trimmed.add(value);
		}
		return new IpAllowlist(trimmed, matchers);
	}

	private static IpAddressMatcher matcher(String value) {
		// IpAddressMatcher resolves host names; only literals are accepted here.
		String address = (value.indexOf('/') >= 0) ? value.substring(0, value.indexOf('/')) : value;
		if (!IpLiterals.isLiteral(address)) {
			throw new IllegalArgumentException(
					"Expected an IPv4 or IPv6 address or CIDR range, such as 203.0.113.0/24");
		}
		try {
			return new IpAddressMatcher(value);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException(
					"Expected an IPv4 or IPv6 address or CIDR range, such as 203.0.113.0/24");
		}
	}

	/**
	 * Whether any address is allowed.
	 * @return {@code true} for an empty allowlist
	 */
	public boolean allowsAny() {
		return this.matchers.isEmpty();
	}

	/**
	 * Whether an address is allowed.
	 * @param address the caller's address, an IP literal; {@code null} when unknown
	 * @return {@code true} if the allowlist is empty or holds the address
	 */
	public boolean allows(@Nullable String address) {
		if (this.matchers.isEmpty()) {
			return true;
		}
		if (address == null || address.isEmpty() || !IpLiterals.isLiteral(stripZone(address))) {
			return false;
		}
		String literal = stripZone(address);
		for (IpAddressMatcher matcher : this.matchers) {
			try {
				if (matcher.matches(literal)) {
					return true;
				}
			}
			catch (IllegalArgumentException ex) {
				// not an address this matcher can compare: keep looking
			}
		}
		return false;
	}

	private static String stripZone(String address) {
		int zone = address.indexOf('%');
		String literal = (zone >= 0) ? address.substring(0, zone) : address;
		return (literal.startsWith("[") && literal.endsWith("]")) ? literal.substring(1, literal.length() - 1)
				: literal;
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
