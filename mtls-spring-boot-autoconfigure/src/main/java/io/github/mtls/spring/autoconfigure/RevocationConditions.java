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

	/**
	 * Whether revocation is on, read as the properties binding reads it (so that
	 * {@code " none "} or {@code NONE} is off, as the bound value says). A value that
	 * does not bind counts as on, so that the properties binding reports it at startup.
	 * @param context the condition context whose environment holds the property
	 * @return whether revocation checking is on
	 */
	private static boolean enabled(ConditionContext context) {
		try {
			return mode(context) != MtlsProperties.Validation.Revocation.NONE;
		}
		catch (RuntimeException ex) {
			return true;
		}
	}

	private static MtlsProperties.Validation.Revocation mode(ConditionContext context) {
		return Binder.get(context.getEnvironment())
			.bind(PROPERTY, MtlsProperties.Validation.Revocation.class)
			.orElse(MtlsProperties.Validation.Revocation.NONE);
	}

	/**
	 * Matches unless {@code mtls.validation.revocation} is unset or binds to {@code none}
	 * (in any case, with surrounding spaces); a value that is not a mode matches, so that
	 * the properties binding reports it.
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
				mode = mode(context);
			}
			catch (RuntimeException ex) {
				return ConditionOutcome.noMatch(PROPERTY + " is not a revocation mode");
			}
			return (mode != MtlsProperties.Validation.Revocation.OCSP) ? ConditionOutcome.match(PROPERTY + " uses CRLs")
					: ConditionOutcome.noMatch(PROPERTY + " is ocsp");
		}

	}

}
