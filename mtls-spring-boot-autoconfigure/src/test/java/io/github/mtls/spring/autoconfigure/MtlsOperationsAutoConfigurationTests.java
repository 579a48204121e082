package io.github.mtls.spring.autoconfigure;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import io.github.mtls.spring.certificate.Sha256Fingerprint;
import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.observability.CertificateExpiryMetrics;
import io.github.mtls.spring.observability.MtlsEndpoint;
import io.github.mtls.spring.observability.MtlsHealthIndicator;
import io.github.mtls.spring.observability.RecentRefusals;
import io.github.mtls.spring.observability.RegistryMetrics;
import io.github.mtls.spring.observability.ValidationMetrics;
import io.github.mtls.spring.security.MtlsRejectionEvent;

import static org.assertj.core.api.Assertions.assertThat;

class MtlsOperationsAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MtlsAutoConfiguration.class, MtlsHealthAutoConfiguration.class,
				MtlsEndpointAutoConfiguration.class, MtlsMetricsAutoConfiguration.class, SslAutoConfiguration.class,
				SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class))
		.withPropertyValues("mtls.trust-bundle=mydata-ca",
				"spring.ssl.bundle.pem.mydata-ca.truststore.certificate=" + TestPki.file("client-ca.pem"),
				"mtls.mydata.operators[0].org-code=A1AAER0000", "mtls.mydata.operators[0].business-number=2208112345",
				"mtls.mydata.operators[0].name=Example Fintech", "mtls.mydata.operators[0].scopes=bank.list");

	@Test
	void endpointIsNotAvailableUnlessExposed() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(MtlsEndpoint.class)
			.doesNotHaveBean(RecentRefusals.class));
	}

	@Test
	void endpointIsConditionalOnActuator() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=mtls")
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate.endpoint"))
			.run((context) -> assertThat(context).doesNotHaveBean(MtlsEndpoint.class));
	}

	@Test
	void endpointDescribesAnchorsRegistryCacheAndRecentRefusals() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=mtls").run((context) -> {
			assertThat(context).hasSingleBean(MtlsEndpoint.class);
			context
				.publishEvent(new MtlsRejectionEvent(MtlsReason.OPERATOR_NOT_REGISTERED, "GET", "/x", null, List.of()));
			JsonNode json = JsonMapper.builder().build().valueToTree(context.getBean(MtlsEndpoint.class).mtls());
			assertThat(json.get("trustAnchors").get(0).get("sha256").asString())
				.isEqualTo(Sha256Fingerprint.of(TestPki.clientCa.certificate()).value());
			assertThat(json.get("trustAnchors").get(0).get("subject").asString()).contains("MyData Test CA");
			assertThat(json.get("trustAnchors").get(0).has("notAfter")).isTrue();
			assertThat(json.get("registry").get("size").asInt()).isOne();
			assertThat(json.get("registry").get("source").asString()).isEqualTo("inline");
			assertThat(json.get("validationCache").get("hitRate").isNumber()).isTrue();
			assertThat(json.get("trustedProxies").get("addresses").isArray()).isTrue();
			assertThat(json.get("revocationSources").isArray()).isTrue();
			assertThat(json.get("recentRefusals").get("OPERATOR_NOT_REGISTERED").asLong()).isOne();
			assertThat(json.toString()).doesNotContain("BEGIN CERTIFICATE");
		});
	}

	@Test
	void endpointSelectsOneOperatorByOrgCode() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=mtls").run((context) -> {
			MtlsEndpoint endpoint = context.getBean(MtlsEndpoint.class);
			JsonNode json = JsonMapper.builder().build().valueToTree(endpoint.operator("A1AAER0000"));
			assertThat(json.get("orgCode").asString()).isEqualTo("A1AAER0000");
			assertThat(json.get("name").asString()).isEqualTo("Example Fintech");
			assertThat(json.get("scopes").get(0).asString()).isEqualTo("bank.list");
			assertThat(json.get("status").asString()).isEqualTo("active");
			assertThat(endpoint.operator("Z9ZZZZ0000")).isNull();
		});
	}

	@Test
	void healthIndicatorIsNamedMtlsAndUpWithValidAnchors() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasBean("mtlsHealthIndicator");
			HealthIndicator health = context.getBean("mtlsHealthIndicator", HealthIndicator.class);
			assertThat(health.health().getStatus()).isEqualTo(Status.UP);
			assertThat(health.health().getDetails()).containsEntry("expiryWarning", "PT720H");
		});
	}

	@Test
	void healthIndicatorWarnsWithinTheConfiguredPeriod() {
		// The test CA is valid for years: a warning period longer than that warns.
		this.contextRunner.withPropertyValues("mtls.health.expiry-warning=36500d")
			.run((context) -> assertThat(context.getBean(MtlsHealthIndicator.class).health().getStatus())
				.isEqualTo(MtlsHealthIndicator.WARNING));
	}

	@Test
	void healthIndicatorCanBeTurnedOff() {
		this.contextRunner.withPropertyValues("management.health.mtls.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MtlsHealthIndicator.class));
	}

	@Test
	void negativeExpiryWarningFailsStartup() {
		this.contextRunner.withPropertyValues("mtls.health.expiry-warning=-1d")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void metersAreRegisteredAtStartupWithAMeterRegistry() {
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
			assertThat(context).hasSingleBean(ValidationMetrics.class)
				.hasSingleBean(RegistryMetrics.class)
				.hasSingleBean(CertificateExpiryMetrics.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			context.getBean(RegistryMetrics.class).bindTo(registry);
			context.getBean(CertificateExpiryMetrics.class).bindTo(registry);
			assertThat(registry.get(ValidationMetrics.DURATION).tag("cache", "hit").timer().count()).isZero();
			assertThat(registry.get(ValidationMetrics.CACHE_SIZE).gauge().value()).isZero();
			assertThat(registry.get(RegistryMetrics.SIZE).gauge().value()).isOne();
			assertThat(registry.get(CertificateExpiryMetrics.EXPIRY).tag("kind", "trust_anchor").gauge().value())
				.isGreaterThan(365);
		});
	}

}
