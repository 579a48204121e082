package io.github.mtls.spring.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.github.mtls.spring.observability.MtlsMetricsListener;
import io.github.mtls.spring.observability.RevocationSourceFailuresMetrics;
import io.github.mtls.spring.validation.revocation.RevocationSourceFailures;

/**
 * Micrometer counters of authenticated and refused requests, and of revocation lookups
 * answered from a remembered source failure, when a {@link MeterRegistry} exists.
 *
 * @author mtls-spring-boot
 */
@AutoConfiguration(after = MtlsAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnBooleanProperty(name = "mtls.enabled", matchIfMissing = true)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public final class MtlsMetricsAutoConfiguration {

	MtlsMetricsAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	MtlsMetricsListener mtlsMetricsListener(MeterRegistry registry) {
		return new MtlsMetricsListener(registry);
	}

	@Bean
	@ConditionalOnBean(RevocationSourceFailures.class)
	@ConditionalOnMissingBean
	RevocationSourceFailuresMetrics mtlsRevocationSourceFailuresMetrics(RevocationSourceFailures failures) {
		return new RevocationSourceFailuresMetrics(failures);
	}

}
