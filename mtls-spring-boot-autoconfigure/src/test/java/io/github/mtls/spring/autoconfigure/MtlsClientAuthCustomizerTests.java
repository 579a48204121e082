package io.github.mtls.spring.autoconfigure;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;

import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.Ssl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MtlsClientAuthCustomizerTests {

	@Test
	void customizeWhenNeedThenTomcatNeedsClientAuth() {
		TomcatServletWebServerFactory factory = factoryWithSsl(Ssl.ClientAuth.NONE);
		new MtlsClientAuthCustomizer(MtlsProperties.ClientAuth.NEED).customize(factory);
		assertThat(factory.getSsl().getClientAuth()).isEqualTo(Ssl.ClientAuth.NEED);
	}

	@Test
	void customizeWhenWantThenOverridesServerSsl() {
		TomcatServletWebServerFactory factory = factoryWithSsl(Ssl.ClientAuth.NEED);
		new MtlsClientAuthCustomizer(MtlsProperties.ClientAuth.WANT).customize(factory);
		assertThat(factory.getSsl().getClientAuth()).isEqualTo(Ssl.ClientAuth.WANT);
	}

	@Test
	void customizeWhenNoneThenLeavesServerSslAlone() {
		TomcatServletWebServerFactory factory = factoryWithSsl(Ssl.ClientAuth.WANT);
		new MtlsClientAuthCustomizer(MtlsProperties.ClientAuth.NONE).customize(factory);
		assertThat(factory.getSsl().getClientAuth()).isEqualTo(Ssl.ClientAuth.WANT);
	}

	@Test
	void customizeWhenNoneAndNoSslThenDoesNothing() {
		TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
		new MtlsClientAuthCustomizer(MtlsProperties.ClientAuth.NONE).customize(factory);
		assertThat(factory.getSsl()).isNull();
	}

	@Test
	void customizeWhenNeedWithoutSslThenFailsStartup() {
		TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
		new MtlsClientAuthCustomizer(MtlsProperties.ClientAuth.NEED).customize(factory);
		assertThatExceptionOfType(MtlsStartupException.class).isThrownBy(() -> startServer(factory))
			.withMessageContaining("no SSL");
	}

	@Test
	void customizeWhenWantWithoutTrustStoreThenFailsStartup() {
		TomcatServletWebServerFactory factory = factoryWithSsl(Ssl.ClientAuth.NONE);
		factory.getSsl().setTrustStore(null);
		new MtlsClientAuthCustomizer(MtlsProperties.ClientAuth.WANT).customize(factory);
		assertThatExceptionOfType(MtlsStartupException.class).isThrownBy(() -> startServer(factory))
			.withMessageContaining("no trust store");
	}

	@Test
	void startupFailureIsExplained() {
		MtlsStartupException exception = new MtlsStartupException("what", "how");
		assertThat(new MtlsStartupFailureAnalyzer().analyze(exception)).satisfies((analysis) -> {
			assertThat(analysis.getDescription()).isEqualTo("what");
			assertThat(analysis.getAction()).isEqualTo("how");
		});
	}

	private static void startServer(TomcatServletWebServerFactory factory) {
		factory.getConnectorCustomizers().forEach((customizer) -> customizer.customize(new Connector()));
	}

	private static TomcatServletWebServerFactory factoryWithSsl(Ssl.ClientAuth clientAuth) {
		TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
		Ssl ssl = new Ssl();
		ssl.setKeyStore(TestPki.file("server.p12"));
		ssl.setTrustStore(TestPki.file("client-ca.p12"));
		ssl.setClientAuth(clientAuth);
		factory.setSsl(ssl);
		factory.setSslBundles(new DefaultSslBundleRegistry());
		return factory;
	}

}
