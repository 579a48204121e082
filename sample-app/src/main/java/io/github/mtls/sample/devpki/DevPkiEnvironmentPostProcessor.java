package io.github.mtls.sample.devpki;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.log.LogMessage;
import org.springframework.util.StringUtils;

/**
 * Points embedded Tomcat at a development PKI when the application configures no
 * {@code server.ssl} key material ({@code server.ssl.bundle}, {@code key-store} or
 * {@code certificate}) and {@code sample.dev-pki.enabled} is not {@code false}. The PKI
 * is minted into {@code sample.dev-pki.dir} ({@code ./dev-pki} by default) on first start
 * and reused afterwards; its {@code server.ssl} properties are added as the
 * lowest-precedence property source, so any configured value wins.
 * <p>
 * Only when nothing is configured: with {@code server.ssl.bundle} set, Boot ignores
 * {@code server.ssl.key-store}, so a half-applied development PKI would go unnoticed.
 *
 * @author mtls-spring-boot
 */
public final class DevPkiEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/**
	 * The name of the property source added.
	 */
	public static final String PROPERTY_SOURCE_NAME = "sampleDevPki";

	/**
	 * The property, in the added source only, holding the PKI's absolute folder.
	 */
	public static final String LOCATION_PROPERTY = "sample.dev-pki.location";

	private static final List<String> KEY_MATERIAL = List.of("server.ssl.bundle", "server.ssl.key-store",
			"server.ssl.certificate");

	private final Log logger;

	/**
	 * Create a post-processor.
	 * @param logFactory the deferred logging of Spring Boot, replayed once logging is set
	 * up
	 */
	public DevPkiEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(DevPkiEnvironmentPostProcessor.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty("sample.dev-pki.enabled", Boolean.class, true)) {
			return;
		}
		for (String key : KEY_MATERIAL) {
			if (StringUtils.hasText(environment.getProperty(key))) {
				this.logger.debug(LogMessage.format("Development PKI not used: %s is configured", key));
				return;
			}
		}
		DevPki pki = new DevPki(Path.of(environment.getProperty("sample.dev-pki.dir", "dev-pki")));
		boolean created = pki.createIfAbsent();
		this.logger.info(LogMessage.format("%s development PKI in %s (for development only; delete it to mint anew)",
				created ? "Minted a" : "Using the", pki.folder()));
		Map<String, Object> properties = new LinkedHashMap<>(pki.serverSslProperties());
		properties.put(LOCATION_PROPERTY, pki.folder().toString());
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
	}

	@Override
	public int getOrder() {
		// After the config data post-processor has loaded application.yml.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
