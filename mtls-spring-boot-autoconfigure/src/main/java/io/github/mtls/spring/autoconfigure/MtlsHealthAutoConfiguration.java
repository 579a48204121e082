package io.github.mtls.spring.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import io.github.mtls.spring.mydata.orglist.OrgListRefresher;
import io.github.mtls.spring.observability.CertificateInventory;
import io.github.mtls.spring.observability.MtlsHealthIndicator;

/**
 * Auto-configuration of the {@code mtls} health indicator, when Spring Boot's health
 * support is present: certificate expiry, trust anchors and, with the org list, its
 * staleness (three refresh intervals without a good read).
 *
 * @author mtls-spring-boot
 */
@AutoConfiguration(after = MtlsAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "mtls.enabled", matchIfMissing = true)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(CertificateInventory.class)
@ConditionalOnEnabledHealthIndicator("mtls")
public final class MtlsHealthAutoConfiguration {

	/**
	 * How many refresh intervals the org list may go without a good read.
	 */
	static final int ORG_LIST_STALE_INTERVALS = 3;

	MtlsHealthAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean(name = "mtlsHealthIndicator")
	MtlsHealthIndicator mtlsHealthIndicator(CertificateInventory inventory, MtlsProperties properties,
			ObjectProvider<OrgListRefresher> refresher) {
		MtlsHealthIndicator indicator = new MtlsHealthIndicator(inventory, properties.health().expiryWarning());
		refresher.ifAvailable((orgList) -> indicator.setOrgList(orgList.getRegistry(),
				orgList.getInterval().multipliedBy(ORG_LIST_STALE_INTERVALS)));
		return indicator;
	}

}
