package io.github.mtls.spring.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.github.mtls.spring.observability.MtlsMetricsListener;

/**
 * Micrometer counters of authenticated and refused requests, when a {@link MeterRegistry}
 * exists.
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

}
