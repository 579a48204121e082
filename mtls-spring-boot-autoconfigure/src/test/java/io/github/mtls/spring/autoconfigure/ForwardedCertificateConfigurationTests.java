package io.github.mtls.spring.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

import io.github.mtls.spring.header.HeaderFormat;
import io.github.mtls.spring.source.ClientAddressResolver;
import io.github.mtls.spring.source.ClientCertificate;
import io.github.mtls.spring.source.ClientCertificateSource;
import io.github.mtls.spring.source.DirectClientCertificateSource;
import io.github.mtls.spring.source.ForwardedClientCertificateSource;
import io.github.mtls.spring.source.TrustedProxies;
import io.github.mtls.spring.source.TrustedProxyClientAddressResolver;
import io.github.mtls.spring.source.UntrustedHeaderPolicy;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ForwardedCertificateConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MtlsAutoConfiguration.class, SslAutoConfiguration.class,
				SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class))
		.withPropertyValues("mtls.trust-bundle=mydata-ca",
				"spring.ssl.bundle.pem.mydata-ca.truststore.certificate=" + TestPki.file("client-ca.pem"));

	@Test
	void forwardedPropertiesBindWithTheContractsDefaults() {
		MtlsProperties properties = new Binder(new MapConfigurationPropertySource()).bindOrCreate("mtls",
				MtlsProperties.class);
		assertThat(properties.source()).isEqualTo(MtlsProperties.Source.AUTO);
		MtlsProperties.Forwarded forwarded = properties.forwarded();
		assertThat(forwarded.header()).isEqualTo("X-SSL-Client-Cert");
		assertThat(forwarded.chainHeader()).isNull();
		assertThat(forwarded.format()).isEqualTo(HeaderFormat.AUTO);
		assertThat(forwarded.trustedProxies()).isEmpty();
		assertThat(forwarded.trustedProxyCertificates()).isEmpty();
		assertThat(forwarded.clientAddressHeader()).isEqualTo("X-Forwarded-For");
		assertThat(forwarded.maxHeaderBytes()).isEqualTo(DataSize.ofBytes(16384));
		assertThat(forwarded.onUntrustedHeader()).isEqualTo(UntrustedHeaderPolicy.REJECT);
	}

	@Test
	void forwardedPropertiesBindRelaxedNamesAndSizes() {
		MapConfigurationPropertySource source = new MapConfigurationPropertySource();
		source.put("mtls.source", "forwarded");
		source.put("mtls.forwarded.format", "url-encoded-pem");
		source.put("mtls.forwarded.max-header-bytes", "32KB");
		source.put("mtls.forwarded.on-untrusted-header", "ignore");
		source.put("mtls.forwarded.trusted-proxies", "10.1.2.0/28,2001:db8::/32");
		MtlsProperties properties = new Binder(source).bindOrCreate("mtls", MtlsProperties.class);
		assertThat(properties.source()).isEqualTo(MtlsProperties.Source.FORWARDED);
		assertThat(properties.forwarded().format()).isEqualTo(HeaderFormat.URL_ENCODED_PEM);
		assertThat(properties.forwarded().maxHeaderBytes()).isEqualTo(DataSize.ofKilobytes(32));
		assertThat(properties.forwarded().onUntrustedHeader()).isEqualTo(UntrustedHeaderPolicy.IGNORE);
		assertThat(properties.forwarded().trustedProxies()).containsExactly("10.1.2.0/28", "2001:db8::/32");
	}

	@Test
	void autoSourceTrustsNoProxyByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(ClientCertificateSource.class))
				.isInstanceOf(ForwardedClientCertificateSource.class);
			assertThat(context.getBean(TrustedProxies.class).isConfigured()).isFalse();
			MockHttpServletRequest request = new MockHttpServletRequest();
			request.setRemoteAddr("10.0.0.1");
			request.addHeader("X-Forwarded-For", "203.0.113.7");
			assertThat(context.getBean(ClientAddressResolver.class).resolve(request)).isEqualTo("10.0.0.1");
		});
	}

	@Test
	void directSourceReadsOnlyTheTlsChain() {
		this.contextRunner.withPropertyValues("mtls.source=direct", "mtls.forwarded.trusted-proxies=10.0.0.0/8")
			.run((context) -> assertThat(context.getBean(ClientCertificateSource.class))
				.isInstanceOf(DirectClientCertificateSource.class));
	}

	@Test
	void clientAddressResolverIsProxyAwareWhenProxiesAreTrusted() {
		this.contextRunner.withPropertyValues("mtls.forwarded.trusted-proxies=10.0.0.0/8").run((context) -> {
			assertThat(context.getBean(ClientAddressResolver.class))
				.isInstanceOf(TrustedProxyClientAddressResolver.class);
			MockHttpServletRequest request = new MockHttpServletRequest();
			request.setRemoteAddr("10.0.0.1");
			request.addHeader("X-Forwarded-For", "198.51.100.1, 203.0.113.7");
			assertThat(context.getBean(ClientAddressResolver.class).resolve(request)).isEqualTo("203.0.113.7");
		});
	}

	@Test
	void clientCertificateSourceIsConditionalOnMissingBean() {
		this.contextRunner.withUserConfiguration(CustomSource.class)
			.run((context) -> assertThat(context.getBean(ClientCertificateSource.class))
				.isSameAs(context.getBean("customSource")));
	}

	@Test
	void failsOnInvalidTrustedProxyNamingTheKey() {
		this.contextRunner.withPropertyValues("mtls.forwarded.trusted-proxies=10.0.0.0/8,proxy.example.com")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("mtls.forwarded.trusted-proxies[1]"));
	}

	@Test
	void failsOnInvalidTrustedProxyCertificateNamingTheKey() {
		this.contextRunner.withPropertyValues("mtls.forwarded.trusted-proxy-certificates=abcd")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("mtls.forwarded.trusted-proxy-certificates[0]"));
	}

	@Test
	void acceptsFingerprintsWithColonsInAnyCase() {
		String fingerprint = TestPki.proxy.sha256Fingerprint().toUpperCase().replaceAll("(..)(?!$)", "$1:");
		this.contextRunner.withPropertyValues("mtls.forwarded.trusted-proxy-certificates=" + fingerprint)
			.run((context) -> assertThat(context.getBean(TrustedProxies.class).isConfigured()).isTrue());
	}

	@Test
	void warnsWhenTomcatHeaderLimitIsBelowMaxHeaderBytes(CapturedOutput output) {
		this.contextRunner.withPropertyValues("mtls.forwarded.trusted-proxies=10.0.0.0/8")
			.run((context) -> assertThat(output).contains("server.max-http-request-header-size (8192 bytes)"));
	}

	@Test
	void doesNotWarnWhenTomcatHeaderLimitIsRaised(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("mtls.forwarded.trusted-proxies=10.0.0.0/8", "server.max-http-request-header-size=32KB")
			.run((context) -> assertThat(output).doesNotContain("server.max-http-request-header-size ("));
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomSource {

		@Bean
		ClientCertificateSource customSource() {
			return (request) -> ClientCertificate.absent();
		}

	}

}
