package io.github.mtls.spring.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Startup failures when a higher-precedence source sets one field of a list element and
 * thereby replaces the whole list of {@code application.yml}.
 */
class ReplacedListFailureTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MtlsAutoConfiguration.class, SslAutoConfiguration.class,
				SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class))
		.withPropertyValues("mtls.trust-bundle=mydata-ca",
				"spring.ssl.bundle.pem.mydata-ca.truststore.certificate=" + TestPki.file("client-ca.pem"))
		.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.addLast(new MapPropertySource("application.yml",
					Map.of("mtls.access-rules[0].path", "/v2/card/**", "mtls.access-rules[0].scopes", "bank.list",
							"mtls.mydata.operators[0].org-code", "A1AAER0000",
							"mtls.mydata.operators[0].business-number", "2208112345"))));

	@Test
	void anAccessRuleThatLostItsPathIsNamedWithTheMissingField() {
		this.contextRunner.withPropertyValues("mtls.access-rules[0].permit-all=true").run((context) -> {
			FailureAnalysis analysis = analysis(context);
			assertThat(analysis.getDescription()).startsWith("mtls.access-rules[0] has no path.")
				.contains("bound from property source 'test' alone")
				.doesNotContain("/v2/card/**");
			assertThat(analysis.getAction()).contains("Set mtls.access-rules[0].path")
				.contains("replaces the list of application.yml");
		});
	}

	@Test
	void anOperatorThatLostItsOrgCodeIsNamedWithTheMissingField() {
		this.contextRunner.withPropertyValues("mtls.mydata.operators[0].scopes=bank.list").run((context) -> {
			FailureAnalysis analysis = analysis(context);
			assertThat(analysis.getDescription()).startsWith("mtls.mydata.operators[0] has no org-code.")
				.contains("bound from property source 'test' alone")
				.doesNotContain("A1AAER0000");
		});
	}

	@Test
	void anOperatorThatLostItsSerialNumberIsNamedWithTheMissingField() {
		this.contextRunner.withPropertyValues("mtls.mydata.operators[0].org-code=A1AAER0000").run((context) -> {
			FailureAnalysis analysis = analysis(context);
			assertThat(analysis.getDescription()).startsWith("mtls.mydata.operators[0] has no business-number.")
				.contains("bound from property source 'test' alone");
		});
	}

	private static FailureAnalysis analysis(AssertableWebApplicationContext context) {
		assertThat(context).hasFailed();
		FailureAnalysis analysis = new MtlsStartupFailureAnalyzer().analyze(context.getStartupFailure());
		assertThat(analysis).as("an MtlsStartupException explains the failure").isNotNull();
		return analysis;
	}

}
