package io.github.mtls.spring.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

import static org.assertj.core.api.Assertions.assertThat;

class UnknownMtlsPropertiesTests {

	@Test
	void validNamesWhenReadFromTheRecordTreeThenIncludeListElementsAndMapValues() {
		assertThat(UnknownMtlsProperties.validNames())
			.contains("mtls.enabled", "mtls.fail-on-unknown-properties", "mtls.connector.port",
					"mtls.validation.cache.ttl", "mtls.mydata.operators[*].org-code", "mtls.access-rules[*].permit-all",
					"mtls.errors.codes.*.rsp-msg", "mtls.mydata.registry.org-types")
			.doesNotContain("mtls.validation", "mtls.mydata.operators", "mtls.errors.codes");
	}

	@Test
	void nearestWhenNameIsInEnvironmentVariableFormThenGivesTheKebabCaseKey() {
		assertThat(UnknownMtlsProperties.nearest(ConfigurationPropertyName.of("mtls.validation.clockskw")))
			.isEqualTo("mtls.validation.clock-skew");
	}

	@Test
	void nearestWhenNameIsAListElementThenKeepsItsIndex() {
		assertThat(UnknownMtlsProperties.nearest(ConfigurationPropertyName.of("mtls.mydata.operators[12].orgcod")))
			.isEqualTo("mtls.mydata.operators[12].org-code");
	}

	@Test
	void nearestWhenTheGroupIsMisspeltThenGivesAKeyOfTheIntendedGroup() {
		assertThat(UnknownMtlsProperties.nearest(ConfigurationPropertyName.of("mtls.validaton.cache.ttl")))
			.isEqualTo("mtls.validation.cache.ttl");
	}

}
