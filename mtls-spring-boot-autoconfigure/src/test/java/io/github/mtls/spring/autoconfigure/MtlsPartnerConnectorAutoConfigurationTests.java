package io.github.mtls.spring.autoconfigure;

import java.security.cert.X509Certificate;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockHttpServletRequest;

import io.github.mtls.spring.source.ClientCertificateSource;
import io.github.mtls.spring.source.DirectClientCertificateSource;
import io.github.mtls.spring.source.ServerConnector;
import io.github.mtls.spring.validation.TrustAnchors;

import static org.assertj.core.api.Assertions.assertThat;

class MtlsPartnerConnectorAutoConfigurationTests {

	private final WebApplicationContextRunner tomcatRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, MtlsTomcatAutoConfiguration.class))
		.withPropertyValues(PartnerPortHttpsTests.partnerBundle("partner"))
		.withPropertyValues("mtls.connector.port=8444", "mtls.connector.ssl-bundle=partner");

	private final WebApplicationContextRunner fullRunner = this.tomcatRunner.withConfiguration(AutoConfigurations
		.of(MtlsAutoConfiguration.class, SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class));

	@Test
	void noPartnerConnectorWithoutAPort() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, MtlsTomcatAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(MtlsPartnerConnectorCustomizer.class)
				.hasSingleBean(MtlsClientAuthCustomizer.class));
	}

	@Test
	void partnerConnectorIsAddedBesideTheMainOneWhoseClientAuthIsLeftAlone() {
		this.tomcatRunner.withPropertyValues("mtls.client-auth=need").run((context) -> {
			assertThat(context).hasSingleBean(MtlsPartnerConnectorCustomizer.class);
			TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
			Ssl ssl = new Ssl();
			ssl.setKeyStore(TestPki.file("server.p12"));
			ssl.setClientAuth(Ssl.ClientAuth.NONE);
			factory.setSsl(ssl);
			factory.setSslBundles(context.getBean(SslBundles.class));
			context.getBean(MtlsClientAuthCustomizer.class).customize(factory);
			context.getBean(MtlsPartnerConnectorCustomizer.class).customize(factory);
			assertThat(factory.getSsl().getClientAuth()).isEqualTo(Ssl.ClientAuth.NONE);
			assertThat(factory.getAdditionalConnectors()).hasSize(1);
			Connector partner = factory.getAdditionalConnectors().get(0);
			factory.getConnectorCustomizers().forEach((customizer) -> customizer.customize(new Connector()));
			assertThat(partner.getPort()).isEqualTo(8444);
			assertThat(partner.getSecure()).isTrue();
			assertThat(partner.findSslHostConfigs()[0].getCertificateVerification().name()).isEqualTo("REQUIRED");
		});
	}

	@Test
	void directCertificatesAreReadOnlyOnThePartnerConnector() {
		this.fullRunner.run((context) -> {
			ClientCertificateSource source = context.getBean(ClientCertificateSource.class);
			MockHttpServletRequest request = new MockHttpServletRequest();
			request.setAttribute(DirectClientCertificateSource.CERTIFICATE_ATTRIBUTE,
					new X509Certificate[] { TestPki.registered.certificate() });
			assertThat(source.resolve(request).isPresent()).isFalse();
			request.setAttribute(ServerConnector.ATTRIBUTE, ServerConnector.MAIN);
			assertThat(source.resolve(request).isPresent()).isFalse();
			request.setAttribute(ServerConnector.ATTRIBUTE, ServerConnector.PARTNER);
			assertThat(source.resolve(request).chain()).containsExactly(TestPki.registered.certificate());
		});
	}

	@Test
	void trustAnchorsAreThePartnerBundlesTrustStoreWhenTrustBundleIsUnset() {
		this.fullRunner
			.run((context) -> assertThat(context.getBean(TrustAnchors.class).isAnchor(TestPki.clientCa.certificate()))
				.isTrue());
	}

	@Test
	void partnerOnlyPathsFilterIsRegisteredOnlyWithPaths() {
		this.fullRunner.run((context) -> assertThat(pathsFilter(context).isEnabled()).isFalse());
		this.fullRunner.withPropertyValues("mtls.connector.paths=/v2/**")
			.run((context) -> assertThat(pathsFilter(context).isEnabled()).isTrue());
	}

	@Test
	void invalidPathPatternFailsStartupNamingTheKey() {
		this.fullRunner.withPropertyValues("mtls.connector.paths=/v2/**/accounts")
			.run((context) -> assertFailure(context, "mtls.connector.paths[0]"));
	}

	@Test
	void portEqualToServerPortFailsStartup() {
		this.tomcatRunner.withPropertyValues("server.port=8444")
			.run((context) -> assertFailure(context, "mtls.connector.port", "server.port"));
	}

	@Test
	void portEqualToTheDefaultServerPortFailsStartup() {
		this.tomcatRunner.withPropertyValues("mtls.connector.port=8080")
			.run((context) -> assertFailure(context, "mtls.connector.port", "server.port"));
	}

	@Test
	void portEqualToManagementServerPortFailsStartup() {
		this.tomcatRunner.withPropertyValues("management.server.port=8444")
			.run((context) -> assertFailure(context, "mtls.connector.port", "management.server.port"));
	}

	@Test
	void missingBundleFailsStartup() {
		this.tomcatRunner.withPropertyValues("mtls.connector.ssl-bundle=nowhere")
			.run((context) -> assertFailure(context, "mtls.connector.ssl-bundle", "No spring.ssl.bundle"));
	}

	@Test
	void bundleWithoutTrustStoreFailsStartup() {
		this.tomcatRunner
			.withPropertyValues("spring.ssl.bundle.jks.keyonly.keystore.location=" + TestPki.file("server.p12"),
					"spring.ssl.bundle.jks.keyonly.keystore.password=" + TestPki.PASSWORD,
					"spring.ssl.bundle.jks.keyonly.keystore.type=PKCS12", "mtls.connector.ssl-bundle=keyonly")
			.run((context) -> assertFailure(context, "mtls.connector.ssl-bundle", "trust store"));
	}

	@Test
	void clientAuthNoneWithAPartnerPortFailsStartup() {
		this.tomcatRunner.withPropertyValues("mtls.client-auth=none")
			.run((context) -> assertFailure(context, "mtls.client-auth", "need or want"));
	}

	@Test
	void noBundleAndNoServerSslFailsStartup() {
		this.tomcatRunner.withPropertyValues("mtls.connector.ssl-bundle=")
			.run((context) -> assertFailure(context, "mtls.connector.ssl-bundle", "server.ssl"));
	}

	@Test
	void noBundleAndServerSslWithoutTrustStoreFailsStartup() {
		this.tomcatRunner
			.withPropertyValues("mtls.connector.ssl-bundle=", "server.ssl.key-store=" + TestPki.file("server.p12"),
					"server.ssl.key-store-password=" + TestPki.PASSWORD)
			.run((context) -> assertFailure(context, "mtls.connector.ssl-bundle", "no trust store"));
	}

	@Test
	void noBundleUsesServerSslWithItsTrustStore() {
		this.tomcatRunner.withPropertyValues("mtls.connector.ssl-bundle=")
			.withPropertyValues(TestPki.serverSsl("client-ca.p12"))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(MtlsPartnerConnectorCustomizer.class));
	}

	private static FilterRegistrationBean<?> pathsFilter(AssertableWebApplicationContext context) {
		return context.getBean("mtlsPartnerPortPathsFilterRegistration", FilterRegistrationBean.class);
	}

	private static void assertFailure(AssertableWebApplicationContext context, String key, String... reason) {
		assertThat(context).hasFailed();
		assertThat(context.getStartupFailure()).rootCause()
			.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class,
					(ex) -> assertThat(ex.getName()).isEqualTo(key));
		for (String text : reason) {
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(text);
		}
	}

}
