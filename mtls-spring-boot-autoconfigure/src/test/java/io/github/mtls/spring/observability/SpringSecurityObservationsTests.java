package io.github.mtls.spring.observability;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.config.observation.SecurityObservationSettings;

import static org.assertj.core.api.Assertions.assertThat;

class SpringSecurityObservationsTests {

	@Test
	void settingsWhenNothingIsSetThenEverythingIsObserved() {
		SecurityObservationSettings settings = SpringSecurityObservations.settings(Map.of());
		assertThat(settings.shouldObserveRequests()).isTrue();
		assertThat(settings.shouldObserveAuthentications()).isTrue();
		assertThat(settings.shouldObserveAuthorizations()).isTrue();
	}

	@Test
	void settingsWhenSpringSecurityIsOffThenNothingIsObserved() {
		SecurityObservationSettings settings = SpringSecurityObservations.settings(Map.of("spring.security", false));
		assertThat(settings.shouldObserveRequests()).isFalse();
		assertThat(settings.shouldObserveAuthentications()).isFalse();
		assertThat(settings.shouldObserveAuthorizations()).isFalse();
	}

	@Test
	void settingsWhenAllIsOffThenNothingIsObserved() {
		SecurityObservationSettings settings = SpringSecurityObservations.settings(Map.of("all", false));
		assertThat(settings.shouldObserveRequests()).isFalse();
		assertThat(settings.shouldObserveAuthentications()).isFalse();
		assertThat(settings.shouldObserveAuthorizations()).isFalse();
	}

	@Test
	void settingsWhenALongerNameIsOnThenItWinsOverItsPrefix() {
		SecurityObservationSettings settings = SpringSecurityObservations
			.settings(Map.of("spring.security", false, "spring.security.authorizations", true));
		assertThat(settings.shouldObserveRequests()).isFalse();
		assertThat(settings.shouldObserveAuthentications()).isFalse();
		assertThat(settings.shouldObserveAuthorizations()).isTrue();
	}

	@Test
	void settingsWhenOnlyOneRequestObservationStaysOnThenRequestsAreObserved() {
		SecurityObservationSettings settings = SpringSecurityObservations
			.settings(Map.of("spring.security.filterchains", false, "spring.security.http", false,
					"spring.security.http.unsecured.requests", true));
		assertThat(settings.shouldObserveRequests()).isTrue();
	}

	@Test
	void settingsWhenEveryRequestObservationIsOffThenOnlyRequestsAreNotObserved() {
		SecurityObservationSettings settings = SpringSecurityObservations
			.settings(Map.of("spring.security.filterchains", false, "spring.security.http", false));
		assertThat(settings.shouldObserveRequests()).isFalse();
		assertThat(settings.shouldObserveAuthentications()).isTrue();
		assertThat(settings.shouldObserveAuthorizations()).isTrue();
	}

	@Test
	void isEnabledWhenASiblingPrefixIsOffThenItDoesNotApply() {
		assertThat(SpringSecurityObservations.isEnabled(Map.of("spring.securityx", false, "spring.sec", false),
				SpringSecurityObservations.AUTHENTICATIONS))
			.isTrue();
	}

}
