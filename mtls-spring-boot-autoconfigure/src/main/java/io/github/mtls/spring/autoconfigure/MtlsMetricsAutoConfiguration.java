package io.github.mtls.spring.autoconfigure;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.mydata.OperatorRegistry;
import io.github.mtls.spring.mydata.orglist.OrgListRefresher;
import io.github.mtls.spring.observability.CertificateExpiryMetrics;
import io.github.mtls.spring.observability.CertificateInventory;
import io.github.mtls.spring.observability.MtlsMetricsListener;
import io.github.mtls.spring.observability.RegistryMetrics;
import io.github.mtls.spring.observability.RevocationSourceFailuresMetrics;
import io.github.mtls.spring.observability.ValidationMetrics;
import io.github.mtls.spring.security.MtlsErrorWriter;
import io.github.mtls.spring.validation.CachingCertificateValidator;
import io.github.mtls.spring.validation.CertificateValidator;
import io.github.mtls.spring.validation.revocation.RevocationSourceFailures;

/**
 * Micrometer meters of the starter, when a {@link MeterRegistry} exists: authenticated
 * and refused requests, validation time by cache hit or miss, the validation cache,
 * revocation fetches and lookups answered from a remembered source failure, certificates
 * accepted with an unknown revocation status, the registry and its org-list reads, and
 * the days until the earliest certificate expiry. Every meter is registered at startup.
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
	MtlsMetricsListener mtlsMetricsListener(MeterRegistry registry, ObjectProvider<MtlsErrorWriter> errorWriter) {
		MtlsErrorWriter writer = errorWriter.getIfAvailable();
		return (writer != null)
				? new MtlsMetricsListener(registry, (MtlsReason reason) -> writer.errorCode(reason).rspCode())
				: new MtlsMetricsListener(registry);
	}

	@Bean
	@ConditionalOnBean(CertificateValidator.class)
	@ConditionalOnMissingBean
	ValidationMetrics mtlsValidationMetrics(MeterRegistry registry, CertificateValidator validator) {
		CachingCertificateValidator caching = MtlsValidationConfiguration.caching(validator);
		ValidationMetrics metrics = new ValidationMetrics(registry, caching,
				MtlsValidationConfiguration.pkix(validator));
		if (caching != null) {
			caching.setObserver(metrics);
		}
		return metrics;
	}

	@Bean
	@ConditionalOnBean(RevocationSourceFailures.class)
	@ConditionalOnMissingBean
	RevocationSourceFailuresMetrics mtlsRevocationSourceFailuresMetrics(RevocationSourceFailures failures) {
		return new RevocationSourceFailuresMetrics(failures);
	}

	@Bean
	@ConditionalOnBean(OperatorRegistry.class)
	@ConditionalOnMissingBean
	RegistryMetrics mtlsRegistryMetrics(OperatorRegistry registry, ObjectProvider<OrgListRefresher> refresher) {
		OrgListRefresher orgList = refresher.getIfAvailable();
		return new RegistryMetrics(registry, (orgList != null) ? orgList.getRegistry() : null);
	}

	@Bean
	@ConditionalOnBean(CertificateInventory.class)
	@ConditionalOnMissingBean
	CertificateExpiryMetrics mtlsCertificateExpiryMetrics(CertificateInventory inventory) {
		return new CertificateExpiryMetrics(inventory, Clock.systemUTC());
	}

}
