package io.github.mtls.spring.source;

/**
 * Tells IP address literals from anything else, so that no address check ever turns into
 * a DNS lookup ({@code InetAddress.getByName} resolves host names).
 *
 * @author mtls-spring-boot
 */
public final class IpLiterals {

	private IpLiterals() {
	}

	/**
	 * Whether a value is an IPv4 or IPv6 address literal (no host name, no CIDR suffix).
	 * @param value the value
	 * @return {@code true} for a literal
	 */
	public static boolean isLiteral(String value) {
		if (value.isEmpty() || value.length() > 45) {
			return false;
		}
		return (value.indexOf(':') >= 0) ? isIpv6(value) : isIpv4(value);
	}

	private static boolean isIpv4(String value) {
		String[] parts = value.split("\\.", -1);
		if (parts.length != 4) {
			return false;
		}
		for (String part : parts) {
			if (part.isEmpty() || part.length() > 3) {
				return false;
			}
			for (int i = 0; i < part.length(); i++) {
				if (part.charAt(i) < '0' || part.charAt(i) > '9') {
					return false;
				}
			}
			if (Integer.parseInt(part) > 255) {
				return false;
			}
		}
		return true;
	}

	private static boolean isIpv6(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
			if (!hex && c != ':' && c != '.') {
				return false;
			}
		}
		return true;
	}

}
