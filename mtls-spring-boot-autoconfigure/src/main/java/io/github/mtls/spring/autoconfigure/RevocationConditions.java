package io.github.mtls.spring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Conditions on {@code mtls.validation.revocation}.
 *
 * @author mtls-spring-boot
 */
final class RevocationConditions {

	static final String PROPERTY = "mtls.validation.revocation";

	private RevocationConditions() {
	}

	private static boolean enabled(ConditionContext context) {
		return !"none".equalsIgnoreCase(context.getEnvironment().getProperty(PROPERTY, "none"));
	}

	/**
	 * Matches unless {@code mtls.validation.revocation} is unset or {@code none} in any
	 * case: the value as written, so that any other value reaches the properties binding
	 * and is reported there when it is not a mode.
	 */
	static final class Enabled extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return enabled(context) ? ConditionOutcome.match(PROPERTY + " is not none")
					: ConditionOutcome.noMatch(PROPERTY + " is none or unset");
		}

	}

	/**
	 * Matches when revocation is checked by a mode that uses CRLs: any but {@code ocsp}.
	 * A value that is not a mode does not match here; the properties binding reports it.
	 */
	static final class UsesCrl extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			if (!enabled(context)) {
				return ConditionOutcome.noMatch(PROPERTY + " is none or unset");
			}
			MtlsProperties.Validation.Revocation mode;
			try {
				mode = Binder.get(context.getEnvironment())
					.bind(PROPERTY, MtlsProperties.Validation.Revocation.class)
					.orElse(MtlsProperties.Validation.Revocation.NONE);
			}
			catch (RuntimeException ex) {
				return ConditionOutcome.noMatch(PROPERTY + " is not a revocation mode");
			}
			return (mode != MtlsProperties.Validation.Revocation.OCSP) ? ConditionOutcome.match(PROPERTY + " uses CRLs")
					: ConditionOutcome.noMatch(PROPERTY + " is ocsp");
		}

	}

}
