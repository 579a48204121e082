package io.github.mtls.sample.devpki;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DevPkiEnvironmentPostProcessor}.
 */
class DevPkiEnvironmentPostProcessorTests {

	@TempDir
	Path folder;

	private final DevPkiEnvironmentPostProcessor postProcessor = new DevPkiEnvironmentPostProcessor(new DeferredLogs());

	@Test
	void postProcessEnvironmentWhenNoKeyMaterialThenMintsPkiAsLowestPrecedenceSource() {
		StandardEnvironment environment = environment(Map.of());
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		Path pki = this.folder.resolve("pki");
		assertThat(pki.resolve("ca.pem")).isRegularFile();
		assertThat(pki.resolve("operator-key.pem")).isRegularFile();
		assertThat(environment.getPropertySources().stream().reduce((first, second) -> second))
			.map(PropertySource::getName)
			.hasValue(DevPkiEnvironmentPostProcessor.PROPERTY_SOURCE_NAME);
		assertThat(environment.getProperty("server.ssl.key-store")).isEqualTo("file:" + pki.resolve("server.p12"));
		assertThat(environment.getProperty("server.ssl.trust-store"))
			.isEqualTo("file:" + pki.resolve("truststore.p12"));
		assertThat(environment.getProperty("server.ssl.key-store-password")).isEqualTo("changeit");
		assertThat(environment.getProperty("server.ssl.trust-store-type")).isEqualTo("PKCS12");
	}

	@Test
	void postProcessEnvironmentWhenPkiExistsThenReusesIt() throws Exception {
		this.postProcessor.postProcessEnvironment(environment(Map.of()), new SpringApplication());
		String ca = Files.readString(this.folder.resolve("pki/ca.pem"));
		this.postProcessor.postProcessEnvironment(environment(Map.of()), new SpringApplication());
		assertThat(this.folder.resolve("pki/ca.pem")).hasContent(ca);
	}

	@Test
	void postProcessEnvironmentWhenAFileIsMissingThenMintsAnew() throws Exception {
		this.postProcessor.postProcessEnvironment(environment(Map.of()), new SpringApplication());
		String ca = Files.readString(this.folder.resolve("pki/ca.pem"));
		Files.delete(this.folder.resolve("pki/suspended.p12"));
		this.postProcessor.postProcessEnvironment(environment(Map.of()), new SpringApplication());
		assertThat(this.folder.resolve("pki/suspended.p12")).isRegularFile();
		assertThat(Files.readString(this.folder.resolve("pki/ca.pem"))).isNotEqualTo(ca);
	}

	@ParameterizedTest
	@ValueSource(strings = { "server.ssl.bundle", "server.ssl.key-store", "server.ssl.certificate" })
	void postProcessEnvironmentWhenKeyMaterialConfiguredThenDoesNothing(String key) {
		StandardEnvironment environment = environment(Map.of(key, "configured"));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().contains(DevPkiEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
			.isFalse();
		assertThat(this.folder.resolve("pki")).doesNotExist();
	}

	@Test
	void postProcessEnvironmentWhenDisabledThenDoesNothing() {
		StandardEnvironment environment = environment(Map.of("sample.dev-pki.enabled", "false"));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().contains(DevPkiEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
			.isFalse();
		assertThat(this.folder.resolve("pki")).doesNotExist();
	}

	@Test
	void postProcessEnvironmentWhenTrustStoreConfiguredThenConfiguredValueWins() {
		StandardEnvironment environment = environment(Map.of("server.ssl.trust-store", "file:mine.p12"));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("server.ssl.trust-store")).isEqualTo("file:mine.p12");
		assertThat(environment.getProperty("server.ssl.key-store")).startsWith("file:");
	}

	private StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		Map<String, Object> all = new java.util.HashMap<>(properties);
		all.put("sample.dev-pki.dir", this.folder.resolve("pki").toString());
		environment.getPropertySources().addFirst(new MapPropertySource("test", all));
		return environment;
	}

}
