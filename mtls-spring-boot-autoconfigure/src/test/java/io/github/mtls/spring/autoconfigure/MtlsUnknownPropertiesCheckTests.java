package io.github.mtls.spring.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class MtlsUnknownPropertiesCheckTests {

	private static final String WARNING = "Unknown configuration properties under 'mtls.'";

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MtlsAutoConfiguration.class, SslAutoConfiguration.class,
				SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class))
		.withPropertyValues("mtls.trust-bundle=mydata-ca",
				"spring.ssl.bundle.pem.mydata-ca.truststore.certificate=" + TestPki.file("client-ca.pem"));

	@Test
	void warnsAboutAMisspeltKeyWithTheNearestValidKey(CapturedOutput output) {
		this.contextRunner.withPropertyValues("mtls.forwarded.trusted-proxie=10.0.0.1").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).contains(WARNING)
				.contains("mtls.forwarded.trusted-proxie")
				.contains("did you mean mtls.forwarded.trusted-proxies?")
				.doesNotContain("10.0.0.1");
		});
	}

	@Test
	void warnsAboutAMisspeltKeyOfAListElementWithItsIndex(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("mtls.mydata.operators[0].org-code=A1AAER0000",
					"mtls.mydata.operators[0].business-number=2208112345", "mtls.mydata.operators[0].scope=bank.list",
					"mtls.access-rules[0].path=/v2/**", "mtls.access-rules[0].permit-al=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("mtls.mydata.operators[0].scope")
					.contains("did you mean mtls.mydata.operators[0].scopes?")
					.contains("did you mean mtls.access-rules[0].permit-all?");
			});
	}

	@Test
	void warnsAboutAMisspeltKeyBelowAMapKey(CapturedOutput output) {
		this.contextRunner.withPropertyValues("mtls.errors.codes.scope-not-granted.rsp-cod=40104").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).contains("did you mean mtls.errors.codes.scope-not-granted.rsp-code?");
		});
	}

	@Test
	void warnsAboutAMisspeltEnvironmentVariable(CapturedOutput output) {
		this.contextRunner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addLast(new SystemEnvironmentPropertySource("test-systemEnvironment",
						Map.of("MTLS_FORWARDED_TRUSTEDPROXIE", "10.0.0.1"))))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("MTLS_FORWARDED_TRUSTEDPROXIE")
					.contains("did you mean mtls.forwarded.trusted-proxies?");
			});
	}

	@Test
	void staysQuietWhenEveryKeyBinds(CapturedOutput output) {
		this.contextRunner.withPropertyValues("mtls.forwarded.trustedProxies=10.0.0.1", "mtls.validation.cache.ttl=1m",
				"mtls.mydata.operators[0].org-code=A1AAER0000", "mtls.mydata.operators[0].business-number=2208112345",
				"mtls.mydata.operators[0].scopes[0]=bank.list", "mtls.access-rules[0].path=/v2/**",
				"mtls.access-rules[0].scopes=bank.list", "mtls.errors.codes.scope-not-granted.rsp-code=40104",
				"mtls.connector.paths=/v2/**", "mtls.fail-on-unknown-properties=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).doesNotContain(WARNING);
			});
	}

	@Test
	void staysQuietAboutTheElementsOfAListReplacedByAHigherSource(CapturedOutput output) {
		this.contextRunner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addLast(new MapPropertySource("application.yml",
						Map.of("mtls.access-rules[0].path", "/v2/bank/**", "mtls.access-rules[0].scopes", "bank.list",
								"mtls.access-rules[1].path", "/v2/card/**", "mtls.access-rules[1].methods", "GET"))))
			.withPropertyValues("mtls.access-rules[0].path=/v2/**")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).doesNotContain(WARNING);
			});
	}

	@Test
	void staysQuietAboutTheNestedListsOfElementsAHigherSourceDropped(CapturedOutput output) {
		this.contextRunner.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.addLast(new MapPropertySource("application.yml", Map.of("mtls.mydata.operators[0].org-code", "A1AAER0000",
					"mtls.mydata.operators[0].business-number", "2208112345", "mtls.mydata.operators[0].scopes[0]",
					"bank.list", "mtls.mydata.operators[1].org-code", "D1AAEV0000",
					"mtls.mydata.operators[1].business-number", "2208112345", "mtls.mydata.operators[1].scopes[0]",
					"card.list", "mtls.mydata.operators[1].scopes[1]", "bank.list"))))
			.withPropertyValues("mtls.fail-on-unknown-properties=true", "mtls.mydata.operators[0].org-code=A1AAER0000",
					"mtls.mydata.operators[0].business-number=2208112345",
					"mtls.mydata.operators[0].scopes=bank.list,card.list")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).doesNotContain(WARNING);
			});
	}

	@Test
	void warnsAboutAMisspeltKeyInANestedListElementThatIsBound(CapturedOutput output) {
		this.contextRunner.withPropertyValues("mtls.mydata.operators[0].org-code=A1AAER0000",
				"mtls.mydata.operators[0].business-number=2208112345", "mtls.mydata.operators[0].scopes[0]=bank.list",
				"mtls.mydata.operators[0].ip-allowlist[0]=10.0.0.1", "mtls.mydata.operators[0].ip-alowlist[1]=10.0.0.2")
			.run((context) -> assertThat(output).contains(WARNING).contains("mtls.mydata.operators[0].ip-alowlist[1]"));
	}

	@Test
	void failsStartupOnAMisspeltKeyWhenAskedTo(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("mtls.fail-on-unknown-properties=true", "mtls.forwarded.trusted-proxie=10.0.0.1")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new MtlsStartupFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("mtls.forwarded.trusted-proxie")
					.contains("did you mean mtls.forwarded.trusted-proxies?")
					.doesNotContain("10.0.0.1");
				assertThat(analysis.getAction()).contains("Correct or remove");
			});
	}

	@Test
	void isOffWithTheStarter(CapturedOutput output) {
		this.contextRunner.withPropertyValues("mtls.enabled=false", "mtls.forwarded.trusted-proxie=10.0.0.1")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(MtlsUnknownPropertiesCheck.class);
				assertThat(output).doesNotContain(WARNING);
			});
	}

}
