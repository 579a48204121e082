package io.github.mtls.spring.validation;

import java.util.regex.Pattern;

/**
 * The configured form of an object identifier (a certificate policy, an extended key
 * usage): dotted decimal arcs, the first 0, 1 or 2, no leading zeros. The one place that
 * form is checked, so that every property taking an OID accepts the same text.
 *
 * @author mtls-spring-boot
 */
public final class ObjectIdentifier {

	private static final Pattern DOTTED = Pattern.compile("[0-2](\\.(0|[1-9][0-9]*))+");

	private ObjectIdentifier() {
	}

	/**
	 * Whether a text is a dotted OID, such as {@code 1.2.410.200005.1.1.1}.
	 * @param text the text, already trimmed
	 * @return {@code true} if it is
	 */
	public static boolean isDotted(String text) {
		return DOTTED.matcher(text).matches();
	}

}
