package io.github.mtls.spring.autoconfigure;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.github.mtls.spring.mydata.OperatorRegistry;
import io.github.mtls.spring.mydata.orglist.OrgListRefresher;
import io.github.mtls.spring.observability.CertificateInventory;
import io.github.mtls.spring.observability.MtlsEndpoint;
import io.github.mtls.spring.observability.RecentRefusals;
import io.github.mtls.spring.source.TrustedProxies;
import io.github.mtls.spring.validation.CachingCertificateValidator;
import io.github.mtls.spring.validation.CertificateValidator;
import io.github.mtls.spring.validation.revocation.RevocationSourceFailures;

/**
 * Auto-configuration of the read-only {@code mtls} Actuator endpoint, when Actuator is
 * present and the endpoint is available (exposed and not disabled: like Boot's own
 * endpoints other than health, it is not exposed by default).
 *
 * @author mtls-spring-boot
 */
@AutoConfiguration(after = MtlsAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "mtls.enabled", matchIfMissing = true)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean({ CertificateInventory.class, OperatorRegistry.class })
@ConditionalOnAvailableEndpoint(MtlsEndpoint.class)
public final class MtlsEndpointAutoConfiguration {

	MtlsEndpointAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	RecentRefusals mtlsRecentRefusals() {
		return new RecentRefusals(Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	MtlsEndpoint mtlsEndpoint(CertificateInventory inventory, ObjectProvider<TrustedProxies> trustedProxies,
			OperatorRegistry registry, RecentRefusals refusals, ObjectProvider<OrgListRefresher> refresher,
			ObjectProvider<CertificateValidator> validator, ObjectProvider<RevocationSourceFailures> revocation) {
		MtlsEndpoint endpoint = new MtlsEndpoint(inventory, trustedProxies.getIfAvailable(TrustedProxies::none),
				registry, refusals);
		refresher.ifAvailable((orgList) -> endpoint.setOrgList(orgList.getRegistry()));
		validator.ifAvailable((bean) -> {
			CachingCertificateValidator caching = MtlsValidationConfiguration.caching(bean);
			if (caching != null) {
				endpoint.setCache(caching);
			}
		});
		revocation.ifAvailable(endpoint::setRevocationSources);
		return endpoint;
	}

}
