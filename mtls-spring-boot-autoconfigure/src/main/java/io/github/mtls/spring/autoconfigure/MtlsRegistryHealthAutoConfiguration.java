package io.github.mtls.spring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import io.github.mtls.spring.mydata.orglist.OrgListRefresher;
import io.github.mtls.spring.observability.OrgListHealthIndicator;

/**
 * Auto-configuration of the {@code mtlsRegistry} health indicator, when Spring Boot's
 * health support is present and the org-list registry is in use.
 *
 * @author mtls-spring-boot
 */
@AutoConfiguration(after = MtlsAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "mtls.enabled", matchIfMissing = true)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(OrgListRefresher.class)
@ConditionalOnEnabledHealthIndicator("mtlsRegistry")
public final class MtlsRegistryHealthAutoConfiguration {

	MtlsRegistryHealthAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean(name = "mtlsRegistryHealthIndicator")
	OrgListHealthIndicator mtlsRegistryHealthIndicator(OrgListRefresher refresher) {
		return new OrgListHealthIndicator(refresher.getRegistry());
	}

}
