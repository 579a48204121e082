package io.github.mtls.spring.net;

import org.jspecify.annotations.Nullable;

/**
 * An IPv4 or IPv6 address range in CIDR notation, or a single address. An address matches
 * only a range of its own family (Spring Security's {@code IpAddressMatcher} compares
 * leading bytes across families and can throw): {@code 10.0.0.0/8} never matches an IPv6
 * address and {@code 2001:db8::/32} never matches an IPv4 one, whatever their bytes.
 * IPv4-mapped IPv6 addresses count as IPv4, in addresses and in ranges
 * ({@code ::ffff:10.0.0.0/104} is {@code 10.0.0.0/8}).
 *
 * @author mtls-spring-boot
 */
public final class IpAddressRange {

	private static final String EXPECTED = "Expected an IPv4 or IPv6 address or CIDR range, such as 10.1.2.0/28 or 2001:db8::/32";

	private final IpAddress network;

	private final int prefixLength;

	private final String text;

	private IpAddressRange(IpAddress network, int prefixLength, String text) {
		this.network = network;
		this.prefixLength = prefixLength;
		this.text = text;
	}

	/**
	 * Parse a range.
	 * @param value an IP literal, or an IP literal, a slash and a prefix length
	 * @return the range
	 * @throws IllegalArgumentException if the value is not an IP address or CIDR range,
	 * such as a host name or a prefix longer than the address
	 */
	public static IpAddressRange of(String value) {
		String text = value.strip();
		int slash = text.indexOf('/');
		String literal = (slash >= 0) ? text.substring(0, slash) : text;
		IpAddress network = IpAddress.parse(literal);
		if (network == null || literal.indexOf('%') >= 0) {
			throw new IllegalArgumentException(EXPECTED);
		}
		int bits = network.length() * 8;
		boolean mapped = network.isIpv4() && literal.indexOf(':') >= 0;
		int written = (slash >= 0) ? prefixLength(text.substring(slash + 1)) : (mapped ? 128 : bits);
		int prefixLength = mapped ? written - 96 : written;
		if (prefixLength < 0 || prefixLength > bits) {
			throw new IllegalArgumentException(EXPECTED);
		}
		return new IpAddressRange(network, prefixLength, text);
	}

	private static int prefixLength(String value) {
		if (value.isEmpty() || value.length() > 3) {
			throw new IllegalArgumentException(EXPECTED);
		}
		for (int i = 0; i < value.length(); i++) {
			if (value.charAt(i) < '0' || value.charAt(i) > '9') {
				throw new IllegalArgumentException(EXPECTED);
			}
		}
		return Integer.parseInt(value);
	}

	/**
	 * Whether an address is in this range.
	 * @param address the address
	 * @return {@code true} if the address has this range's family and its leading
	 * prefix-length bits are the range's
	 */
	public boolean contains(IpAddress address) {
		if (address.length() != this.network.length()) {
			return false;
		}
		int whole = this.prefixLength / 8;
		for (int i = 0; i < whole; i++) {
			if (address.byteAt(i) != this.network.byteAt(i)) {
				return false;
			}
		}
		int rest = this.prefixLength % 8;
		if (rest == 0) {
			return true;
		}
		int mask = (0xff << (8 - rest)) & 0xff;
		return (address.byteAt(whole) & mask) == (this.network.byteAt(whole) & mask);
	}

	/**
	 * Whether an address, given as an IP literal, is in this range.
	 * @param address the literal; {@code null} or anything but an IP literal is not
	 * @return {@code true} if the literal parses and is in this range
	 */
	public boolean contains(@Nullable String address) {
		IpAddress parsed = IpAddress.parse(address);
		return parsed != null && contains(parsed);
	}

	/**
	 * Return the range as configured.
	 * @return the text
	 */
	@Override
	public String toString() {
		return this.text;
	}

}
