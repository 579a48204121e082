package io.github.mtls.spring.mydata;

import org.jspecify.annotations.Nullable;

/**
 * A SERIALNUMBER as the MyData portal registers it ({@code serial_num}, usually the
 * 10-digit business registration number, sometimes written {@code NNN-NN-NNNNN} or
 * another number), in the normalised form used for comparison: hyphens removed, letters
 * upper-cased.
 *
 * @param value the normalised value: ASCII upper-case letters and digits
 * @author mtls-spring-boot
 */
public record SerialNumber(String value) {

	private static final int MAX_LENGTH = 20;

	/**
	 * Parse a written serial number: after trimming leading and trailing ASCII spaces, 1
	 * to 20 ASCII letters, digits and hyphens, holding at least one letter or digit.
	 * Full-width digits, control characters (NUL, tab, line breaks) anywhere and any
	 * other character are refused: {@link String#trim()} would strip control characters
	 * and let {@code "2208112345\0"} pass as {@code 2208112345}.
	 * @param text the written value
	 * @return the normalised serial number, or {@code null} when the text is not of that
	 * form
	 */
	public static @Nullable SerialNumber parse(String text) {
		String trimmed = trimSpaces(text);
		if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH) {
			return null;
		}
		StringBuilder normalised = new StringBuilder(trimmed.length());
		for (int i = 0; i < trimmed.length(); i++) {
			char c = trimmed.charAt(i);
			if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
				normalised.append(c);
			}
			else if (c >= 'a' && c <= 'z') {
				normalised.append((char) (c - 'a' + 'A'));
			}
			else if (c != '-') {
				return null;
			}
		}
		return (normalised.length() > 0) ? new SerialNumber(normalised.toString()) : null;
	}

	private static String trimSpaces(String text) {
		int start = 0;
		int end = text.length();
		while (start < end && text.charAt(start) == ' ') {
			start++;
		}
		while (end > start && text.charAt(end - 1) == ' ') {
			end--;
		}
		return text.substring(start, end);
	}

	/**
	 * Parse a configured serial number.
	 * @param text the configured value
	 * @return the serial number
	 * @throws IllegalArgumentException if the text is not 1-20 ASCII letters, digits and
	 * hyphens
	 */
	public static SerialNumber of(String text) {
		SerialNumber serialNumber = parse(text);
		if (serialNumber == null) {
			throw new IllegalArgumentException(
					"Expected 1-20 ASCII letters, digits and hyphens, such as 2208112345 or 220-81-12345");
		}
		return serialNumber;
	}

	@Override
	public String toString() {
		return this.value;
	}

}
