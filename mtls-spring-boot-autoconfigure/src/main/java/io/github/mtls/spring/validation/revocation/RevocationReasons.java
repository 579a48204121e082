package io.github.mtls.spring.validation.revocation;

/**
 * Names of the RFC 5280 CRL reason codes, as the audit log shows them.
 *
 * @author mtls-spring-boot
 */
final class RevocationReasons {

	private static final String[] NAMES = { "unspecified", "keyCompromise", "cACompromise", "affiliationChanged",
			"superseded", "cessationOfOperation", "certificateHold", "unknown", "removeFromCRL", "privilegeWithdrawn",
			"aACompromise" };

	private RevocationReasons() {
	}

	static String name(int code) {
		return (code >= 0 && code < NAMES.length) ? NAMES[code] : "unspecified";
	}

}
