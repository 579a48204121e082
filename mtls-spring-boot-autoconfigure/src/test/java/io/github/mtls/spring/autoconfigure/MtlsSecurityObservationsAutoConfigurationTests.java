package io.github.mtls.spring.autoconfigure;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

class MtlsSecurityObservationsAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MtlsAutoConfiguration.class,
				MtlsSecurityObservationsAutoConfiguration.class, ObservationAutoConfiguration.class,
				SslAutoConfiguration.class, SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class))
		.withUserConfiguration(RecordingHandlerConfiguration.class)
		.withPropertyValues("mtls.trust-bundle=mydata-ca",
				"spring.ssl.bundle.pem.mydata-ca.truststore.certificate=" + TestPki.file("client-ca.pem"),
				"mtls.mydata.operators[0].org-code=A1AAER0000", "mtls.mydata.operators[0].business-number=2208112345",
				"mtls.mydata.operators[0].name=Example Fintech", "mtls.mydata.operators[0].scopes=bank.list");

	@Test
	void filterChainIsObservedWhenThePropertiesLeaveSpringSecurityOn() {
		this.contextRunner.run((context) -> {
			SecurityObservationSettings settings = context.getBean(SecurityObservationSettings.class);
			assertThat(settings.shouldObserveRequests()).isTrue();
			assertThat(settings.shouldObserveAuthentications()).isTrue();
			assertThat(settings.shouldObserveAuthorizations()).isTrue();
			assertThat(filterChainDecorator(context)).isInstanceOf(ObservationFilterChainDecorator.class);
		});
	}

	@Test
	void filterChainIsNotWrappedWhenThePropertiesTurnSpringSecurityOff() {
		this.contextRunner.withPropertyValues("management.observations.enable.spring.security=false").run((context) -> {
			SecurityObservationSettings settings = context.getBean(SecurityObservationSettings.class);
			assertThat(settings.shouldObserveRequests()).isFalse();
			assertThat(settings.shouldObserveAuthentications()).isFalse();
			assertThat(settings.shouldObserveAuthorizations()).isFalse();
			assertThat(filterChainDecorator(context)).isNotInstanceOf(ObservationFilterChainDecorator.class);
		});
	}

	@Test
	void onlyAuthorizationsStayObservedWhenThePropertiesSaySo() {
		this.contextRunner
			.withPropertyValues("management.observations.enable.spring.security=false",
					"management.observations.enable.spring.security.authorizations=true")
			.run((context) -> {
				SecurityObservationSettings settings = context.getBean(SecurityObservationSettings.class);
				assertThat(settings.shouldObserveRequests()).isFalse();
				assertThat(settings.shouldObserveAuthentications()).isFalse();
				assertThat(settings.shouldObserveAuthorizations()).isTrue();
			});
	}

	@Test
	void settingsOfTheApplicationReplaceTheStarters() {
		this.contextRunner.withPropertyValues("management.observations.enable.spring.security=false")
			.withBean(SecurityObservationSettings.class, SecurityObservationSettings::noObservations)
			.run((context) -> {
				assertThat(context).hasSingleBean(SecurityObservationSettings.class);
				assertThat(context).doesNotHaveBean("mtlsSecurityObservationSettings");
			});
	}

	@Test
	void noSettingsWithoutSpringBootsObservationSupport() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MtlsSecurityObservationsAutoConfiguration.class,
					SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SecurityObservationSettings.class));
	}

	@Test
	void noSettingsWhenTheStarterIsOff() {
		this.contextRunner.withPropertyValues("mtls.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SecurityObservationSettings.class));
	}

	private static Object filterChainDecorator(AssertableWebApplicationContext context) {
		FilterChainProxy composite = context.getBean("springSecurityFilterChain", FilterChainProxy.class);
		Object proxy = ReflectionTestUtils.getField(composite, "springSecurityFilterChain");
		assertThat(proxy).isInstanceOf(FilterChainProxy.class);
		Object decorator = ReflectionTestUtils.getField(proxy, "filterChainDecorator");
		assertThat(decorator).isNotNull();
		return decorator;
	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingHandlerConfiguration {

		// A handler makes the registry active, as Actuator's meter handler does in an
		// application: Spring Security decorates nothing for a registry without one.
		@Bean
		ObservationHandler<Observation.Context> recordingHandler() {
			return (context) -> true;
		}

	}

}
