package io.github.mtls.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link MtlsStartupException} at startup.
 *
 * @author mtls-spring-boot
 */
class MtlsStartupFailureAnalyzer extends AbstractFailureAnalyzer<MtlsStartupException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MtlsStartupException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

}
