package io.github.mtls.spring.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * An IPv4 or IPv6 address parsed from a literal, never from a host name (a lookup per
 * request would be slow and answer what DNS says, not what the peer is). An IPv4-mapped
 * IPv6 address ({@code ::ffff:203.0.113.7}) is normalised to the IPv4 address it carries,
 * so that it matches IPv4 ranges only; an IPv6 zone ({@code %eth0}) is ignored. Parsing
 * never resolves a name and never throws on bad input: it answers {@code null}.
 *
 * @author mtls-spring-boot
 */
public final class IpAddress {

	private static final int MAX_LITERAL_LENGTH = 45;

	private final byte[] bytes;

	private final String text;

	private IpAddress(byte[] bytes, String text) {
		this.bytes = bytes;
		this.text = text;
	}

	/**
	 * Parse an IP literal: a dotted-quad IPv4 address or an IPv6 address, optionally with
	 * a zone. No brackets, no port.
	 * @param literal the text
	 * @return the address, or {@code null} if the text is not an IP literal
	 */
	public static @Nullable IpAddress parse(@Nullable String literal) {
		if (literal == null || literal.isEmpty() || literal.length() > MAX_LITERAL_LENGTH + 16) {
			return null;
		}
		if (literal.indexOf(':') < 0) {
			return parseIpv4Address(literal);
		}
		int zone = literal.indexOf('%');
		String address = (zone >= 0) ? literal.substring(0, zone) : literal;
		byte[] ipv6 = parseIpv6(address);
		if (ipv6 == null) {
			return null;
		}
		return new IpAddress(ipv6, (ipv6.length == 4) ? ipv4Text(ipv6) : address);
	}

	/**
	 * Parse one entry of a client address header such as {@code X-Forwarded-For} or an
	 * RFC 7239 {@code for=} value: an IP literal, optionally in double quotes, an IPv4
	 * address with a port ({@code 198.51.100.7:4431}), or a bracketed IPv6 address with
	 * or without a port ({@code [2001:db8::1]:443}).
	 * @param entry the entry, already stripped of surrounding white space
	 * @return the address, or {@code null} for anything else (a host name, an obfuscated
	 * identifier such as {@code unknown}, a malformed literal)
	 */
	public static @Nullable IpAddress parseForwarded(String entry) {
		String value = entry;
		if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
			value = value.substring(1, value.length() - 1);
		}
		if (value.startsWith("[")) {
			int close = value.indexOf(']');
			if (close < 0 || !isPortOrNothing(value, close + 1)) {
				return null;
			}
			String inner = value.substring(1, close);
			return (inner.indexOf(':') >= 0) ? parse(inner) : null;
		}
		int colon = value.indexOf(':');
		if (colon >= 0 && colon == value.lastIndexOf(':') && value.indexOf('.') >= 0) {
			// IPv4 with a port: exactly one colon, and a dotted address before it
			return isPortOrNothing(value, colon) ? parseIpv4Address(value.substring(0, colon)) : null;
		}
		return parse(value);
	}

	private static @Nullable IpAddress parseIpv4Address(String literal) {
		byte[] ipv4 = parseIpv4(literal);
		return (ipv4 != null) ? new IpAddress(ipv4, literal) : null;
	}

	private static boolean isPortOrNothing(String value, int from) {
		if (from == value.length()) {
			return true;
		}
		if (value.charAt(from) != ':' || from + 1 == value.length() || value.length() - from - 1 > 5) {
			return false;
		}
		for (int i = from + 1; i < value.length(); i++) {
			if (value.charAt(i) < '0' || value.charAt(i) > '9') {
				return false;
			}
		}
		return Integer.parseInt(value, from + 1, value.length(), 10) <= 65535;
	}

	private static byte @Nullable [] parseIpv4(String value) {
		byte[] bytes = new byte[4];
		int part = 0;
		int start = 0;
		for (int i = 0; i <= value.length(); i++) {
			if (i < value.length() && value.charAt(i) != '.') {
				char c = value.charAt(i);
				if (c < '0' || c > '9' || i - start >= 3 || (i > start && value.charAt(start) == '0')) {
					// at most three digits, no leading zero (010 is 8 to some parsers)
					return null;
				}
				continue;
			}
			if (i == start || part == 4) {
				return null;
			}
			int octet = Integer.parseInt(value, start, i, 10);
			if (octet > 255) {
				return null;
			}
			bytes[part++] = (byte) octet;
			start = i + 1;
		}
		return (part == 4) ? bytes : null;
	}

	private static byte @Nullable [] parseIpv6(String value) {
		// Only hexadecimal digits, colons and dots, starting with a digit or a colon: the
		// JDK then treats the text as a literal and never looks a name up.
		if (value.isEmpty() || value.length() > MAX_LITERAL_LENGTH || value.indexOf(':') < 0) {
			return null;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
			if (!hex && c != ':' && (c != '.' || i == 0)) {
				return null;
			}
		}
		try {
			// IPv4-mapped addresses come back as Inet4Address: 4 bytes
			return InetAddress.getByName(value).getAddress();
		}
		catch (UnknownHostException | RuntimeException ex) {
			return null;
		}
	}

	private static String ipv4Text(byte[] bytes) {
		return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
	}

	/**
	 * Whether this is an IPv4 address (IPv4-mapped IPv6 included).
	 * @return {@code true} for IPv4
	 */
	public boolean isIpv4() {
		return this.bytes.length == 4;
	}

	byte byteAt(int index) {
		return this.bytes[index];
	}

	int length() {
		return this.bytes.length;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof IpAddress address) && Arrays.equals(this.bytes, address.bytes);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.bytes);
	}

	/**
	 * Return the address as written, without zone, brackets or port; an IPv4-mapped
	 * address as its dotted quad.
	 * @return the literal
	 */
	@Override
	public String toString() {
		return this.text;
	}

}
