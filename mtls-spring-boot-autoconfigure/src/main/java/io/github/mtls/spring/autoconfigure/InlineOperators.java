package io.github.mtls.spring.autoconfigure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.StringUtils;

import io.github.mtls.spring.certificate.Sha256Fingerprint;
import io.github.mtls.spring.mydata.IpAllowlist;
import io.github.mtls.spring.mydata.OperatorRegistration;
import io.github.mtls.spring.mydata.OrgCode;
import io.github.mtls.spring.mydata.SerialNumber;

/**
 * Turns {@code mtls.mydata.operators} into registry entries, failing startup on the first
 * invalid value with the key that holds it.
 *
 * @author mtls-spring-boot
 */
final class InlineOperators {

	static final String LIST = "mtls.mydata.operators";

	private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

	private InlineOperators() {
	}

	static List<OperatorRegistration> toRegistrations(List<MtlsProperties.Operator> operators,
			@Nullable String listSource) {
		List<OperatorRegistration> registrations = new ArrayList<>(operators.size());
		Set<String> orgCodes = new HashSet<>();
		for (int i = 0; i < operators.size(); i++) {
			MtlsProperties.Operator operator = operators.get(i);
			String prefix = LIST + "[" + i + "].";
			String orgCode = operator.orgCode();
			if (orgCode == null) {
				throw ConfiguredLists.missingField(LIST, i, "org-code",
						"Every operator needs an org code of 10 ASCII letters and digits (aN(10)).", listSource);
			}
			if (!OrgCode.isValid(orgCode)) {
				throw new InvalidConfigurationPropertyValueException(prefix + "org-code", orgCode,
						"An org code is 10 ASCII letters and digits (aN(10)).");
			}
			if (!orgCodes.add(orgCode)) {
				throw new InvalidConfigurationPropertyValueException(prefix + "org-code", orgCode,
						"Each org code may be registered once.");
			}
			String businessNumber = (operator.businessNumber() != null) ? operator.businessNumber().trim() : "";
			SerialNumber serialNumber = serialNumber(operator, prefix);
			Set<Sha256Fingerprint> fingerprints = fingerprints(operator.certificateFingerprints(), prefix);
			if (serialNumber == null && fingerprints.isEmpty()) {
				throw ConfiguredLists.missingField(LIST, i, "business-number",
						"An operator needs a business-number or serial-number, or certificate-fingerprints to match by.",
						listSource);
			}
			for (String scope : operator.scopes()) {
				if (!SCOPE.matcher(scope).matches()) {
					throw new InvalidConfigurationPropertyValueException(prefix + "scopes", scope,
							"A scope is a token of visible ASCII characters, such as bank.list.");
				}
			}
			String name = StringUtils.hasText(operator.name()) ? operator.name() : orgCode;
			IpAllowlist allowlist = ipAllowlist(operator.ipAllowlist(), prefix);
			registrations.add(new OperatorRegistration(orgCode, businessNumber, serialNumber, name, operator.status(),
					new LinkedHashSet<>(operator.scopes()), fingerprints, allowlist, text(operator.industry()),
					text(operator.orgType())));
		}
		return registrations;
	}

	private static @Nullable SerialNumber serialNumber(MtlsProperties.Operator operator, String prefix) {
		String key = StringUtils.hasText(operator.serialNumber()) ? "serial-number" : "business-number";
		String value = StringUtils.hasText(operator.serialNumber()) ? operator.serialNumber()
				: operator.businessNumber();
		if (!StringUtils.hasText(value)) {
			return null;
		}
		SerialNumber serialNumber = SerialNumber.parse(value);
		if (serialNumber == null) {
			throw new InvalidConfigurationPropertyValueException(prefix + key, value,
					"Expected 1-20 ASCII letters, digits and hyphens, such as 2208112345 or 220-81-12345.");
		}
		return serialNumber;
	}

	private static IpAllowlist ipAllowlist(List<String> values, String prefix) {
		for (int i = 0; i < values.size(); i++) {
			try {
				IpAllowlist.parseEntry(values.get(i));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidConfigurationPropertyValueException(prefix + "ip-allowlist[" + i + "]", values.get(i),
						ex.getMessage());
			}
		}
		return IpAllowlist.of(values);
	}

	private static @Nullable String text(@Nullable String value) {
		return StringUtils.hasText(value) ? value.trim() : null;
	}

	private static Set<Sha256Fingerprint> fingerprints(List<String> values, String prefix) {
		Set<Sha256Fingerprint> fingerprints = new LinkedHashSet<>();
		for (String value : values) {
			try {
				fingerprints.add(Sha256Fingerprint.parse(value));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidConfigurationPropertyValueException(prefix + "certificate-fingerprints", value,
						ex.getMessage());
			}
		}
		return fingerprints;
	}

}
