package io.github.mtls.spring.mydata;

import java.util.regex.Pattern;

/**
 * The form of a MyData org code: {@code aN(10)}, ten ASCII letters and digits. The one
 * place that form is checked, so that an inline operator and an org-list entry accept the
 * same codes.
 *
 * @author mtls-spring-boot
 */
public final class OrgCode {

	private static final Pattern FORM = Pattern.compile("[A-Za-z0-9]{10}");

	private OrgCode() {
	}

	/**
	 * Whether a text is an org code.
	 * @param text the text
	 * @return {@code true} if it is ten ASCII letters and digits
	 */
	public static boolean isValid(String text) {
		return FORM.matcher(text).matches();
	}

}
