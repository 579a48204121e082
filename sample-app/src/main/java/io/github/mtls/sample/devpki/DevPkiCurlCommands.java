package io.github.mtls.sample.devpki;

import java.nio.file.Path;
import java.util.Objects;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Logs, once the application is ready, curl commands to try the sample with its
 * development PKI on the port operators call: the partner port when one is configured,
 * else the port the application really listens on. Silent when the PKI is not in use
 * (configured key material, or a {@code server.ssl.key-store} set elsewhere) and under
 * the {@code mydata-call} profile, which logs its own ({@link MyDataCallCurlCommands}).
 * Logs file names, never their contents.
 *
 * @author mtls-spring-boot
 */
public final class DevPkiCurlCommands implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(DevPkiCurlCommands.class);

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		ConfigurableEnvironment environment = event.getApplicationContext().getEnvironment();
		Path pki = folderInUse(environment);
		Integer port = environment.getProperty("local.server.port", Integer.class);
		// The mydata-call profile logs its own walkthrough (MyDataCallCurlCommands): a
		// certificate alone no longer gets /v2/** answered there.
		if (pki == null || port == null || environment.matchesProfiles(MyDataCallConfiguration.PROFILE)) {
			return;
		}
		String folder = displayed(pki);
		StringBuilder message = new StringBuilder("Try the sample with its development PKI:");
		for (CurlWalkthrough.Step step : CurlWalkthrough.steps(folder, operatorPort(environment, port))) {
			message.append(System.lineSeparator()).append("  # ").append(step.expectation());
			message.append(System.lineSeparator()).append("  ").append(step.commandLine());
		}
		logger.info(message);
	}

	/**
	 * Return the development PKI's folder when the server uses it: the post-processor
	 * added it and no {@code server.ssl.key-store} configured elsewhere overrides it.
	 * @param environment the environment
	 * @return the absolute folder, or {@code null} when the PKI is not in use
	 */
	static @Nullable Path folderInUse(ConfigurableEnvironment environment) {
		PropertySource<?> devPki = environment.getPropertySources()
			.get(DevPkiEnvironmentPostProcessor.PROPERTY_SOURCE_NAME);
		if (devPki == null || !Objects.equals(environment.getProperty("server.ssl.key-store"),
				devPki.getProperty("server.ssl.key-store"))) {
			return null;
		}
		return Path
			.of((String) Objects.requireNonNull(devPki.getProperty(DevPkiEnvironmentPostProcessor.LOCATION_PROPERTY)));
	}

	/**
	 * Return the port operators call: the partner port when one is configured
	 * ({@code mtls.connector.port}, the {@code partner-port} profile), else the main one.
	 * @param environment the environment
	 * @param mainPort the port the main connector listens on
	 * @return the port of the walkthrough
	 */
	static int operatorPort(ConfigurableEnvironment environment, int mainPort) {
		Integer partnerPort = environment.getProperty("mtls.connector.port", Integer.class);
		return (partnerPort != null && partnerPort > 0) ? partnerPort : mainPort;
	}

	/**
	 * Return the folder as typed from the working directory: relative below it, else
	 * absolute.
	 * @param folder the absolute folder
	 * @return the folder to show
	 */
	static String displayed(Path folder) {
		Path workingDirectory = Path.of("").toAbsolutePath();
		return (folder.startsWith(workingDirectory) && !folder.equals(workingDirectory))
				? workingDirectory.relativize(folder).toString() : folder.toString();
	}

}
