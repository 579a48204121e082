package io.github.mtls.sample.devpki;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

import io.github.mtls.spring.mydata.OperatorRegistration;
import io.github.mtls.spring.mydata.OperatorRegistry;
import io.github.mtls.spring.mydata.OperatorStatus;
import io.github.mtls.spring.mydata.SerialNumber;

/**
 * Logs, once the application is ready under the {@code mydata-call} profile, curl
 * commands that make MyData calls with both credentials: per registered, active operator
 * of the development PKI, its certificate with a development access token (unbound, and
 * bound to its certificate). Silent when the development PKI is not in use. The tokens
 * are for development only and say so; no key is ever logged.
 *
 * @author mtls-spring-boot
 */
public final class MyDataCallCurlCommands implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(MyDataCallCurlCommands.class);

	private final OperatorRegistry registry;

	private final Clock clock;

	/**
	 * Create the listener.
	 * @param registry the registry that names the operators and their scopes
	 * @param clock the clock that dates the tokens
	 */
	public MyDataCallCurlCommands(OperatorRegistry registry, Clock clock) {
		this.registry = registry;
		this.clock = clock;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		ConfigurableEnvironment environment = event.getApplicationContext().getEnvironment();
		Path folder = DevPkiCurlCommands.folderInUse(environment);
		Integer port = environment.getProperty("local.server.port", Integer.class);
		List<MyDataCallWalkthrough.Operator> operators = operators();
		if (folder == null || port == null || operators.isEmpty()) {
			return;
		}
		DevPki pki = new DevPki(folder);
		String displayed = DevPkiCurlCommands.displayed(folder);
		StringBuilder message = new StringBuilder("Try the MyData call (certificate and access token) with "
				+ "DEVELOPMENT-ONLY tokens, valid for " + DevTokens.LIFETIME.toHours() + " hours and signed by "
				+ displayed + "/" + DevPki.TOKEN_SIGNING_KEY + " (never trust that key outside development):");
		List<CurlWalkthrough.Step> steps = MyDataCallWalkthrough.steps(displayed,
				DevPkiCurlCommands.operatorPort(environment, port), pki, operators, new DevTokens(pki, this.clock));
		for (CurlWalkthrough.Step step : steps) {
			message.append(System.lineSeparator()).append("  # ").append(step.expectation());
			message.append(System.lineSeparator()).append("  ").append(step.commandLine());
		}
		logger.info(message);
	}

	/**
	 * Return the development PKI's clients that the registry knows as active operators,
	 * each with its primary org code and the union of its scopes.
	 * @return the operators, in the order of {@link DevPki#CLIENTS}
	 */
	List<MyDataCallWalkthrough.Operator> operators() {
		List<MyDataCallWalkthrough.Operator> operators = new ArrayList<>();
		for (DevPki.Client client : DevPki.CLIENTS) {
			List<OperatorRegistration> active = this.registry.findBySerialNumber(SerialNumber.of(client.serialNumber()))
				.stream()
				.filter((registration) -> registration.status() == OperatorStatus.ACTIVE)
				.toList();
			if (!active.isEmpty()) {
				TreeSet<String> scopes = new TreeSet<>();
				active.forEach((registration) -> scopes.addAll(registration.scopes()));
				operators.add(new MyDataCallWalkthrough.Operator(client.name(), active.get(0).name(),
						active.get(0).orgCode(), List.copyOf(scopes)));
			}
		}
		return operators;
	}

}
