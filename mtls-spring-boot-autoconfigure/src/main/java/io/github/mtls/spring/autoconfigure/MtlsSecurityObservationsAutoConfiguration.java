package io.github.mtls.spring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;

import io.github.mtls.spring.observability.SpringSecurityObservations;

/**
 * Spring Security's {@link SecurityObservationSettings} from
 * {@code management.observations.enable.*}, when Spring Boot's observation support is
 * present: observations the properties turn off are not wrapped around the filters and
 * managers at all (see {@link SpringSecurityObservations}). Backs off for the
 * application's own settings.
 *
 * @author mtls-spring-boot
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnBooleanProperty(name = "mtls.enabled", matchIfMissing = true)
@ConditionalOnClass({ SecurityObservationSettings.class, ObservationProperties.class })
@ConditionalOnBean(ObservationProperties.class)
public final class MtlsSecurityObservationsAutoConfiguration {

	MtlsSecurityObservationsAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	SecurityObservationSettings mtlsSecurityObservationSettings(ObservationProperties properties) {
		return SpringSecurityObservations.settings(properties.getEnable());
	}

}
