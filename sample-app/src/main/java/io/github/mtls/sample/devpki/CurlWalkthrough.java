package io.github.mtls.sample.devpki;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The curl commands that walk through the sample with its development PKI: a registered
 * operator is answered; an unregistered, a suspended, an under-scoped and a
 * certificate-less caller are refused, each for its own reason.
 *
 * @author mtls-spring-boot
 */
public final class CurlWalkthrough {

	private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@=+-]+");

	private CurlWalkthrough() {
	}

	/**
	 * Return the walkthrough's steps.
	 * @param folder the PKI folder as the reader should type it, such as {@code dev-pki}
	 * @param port the server's HTTPS port
	 * @return the steps, in order
	 */
	public static List<Step> steps(String folder, int port) {
		String base = "https://localhost:" + port;
		return List.of(new Step("registered operator: 200", withCertificate(folder, "operator", base + "/whoami")),
				new Step("registered operator, bank.list: 200",
						withCertificate(folder, "operator", base + "/v2/bank/accounts")),
				new Step("unregistered operator: 401, rsp_code 40103",
						withCertificate(folder, "unregistered", base + "/whoami")),
				new Step("suspended operator: 403, rsp_code 40302",
						withCertificate(folder, "suspended", base + "/v2/bank/accounts")),
				new Step("operator without card.list: 401, rsp_code 40104",
						withCertificate(folder, "bank-only", base + "/v2/card/cards")),
				new Step("no client certificate: the TLS handshake is refused",
						List.of("curl", "--cacert", folder + "/ca.pem", base + "/whoami")));
	}

	static List<String> withCertificate(String folder, String identity, String url) {
		List<String> arguments = new ArrayList<>(List.of("curl", "--cacert", folder + "/ca.pem"));
		arguments.addAll(List.of("--cert", folder + "/" + identity + ".pem"));
		arguments.addAll(List.of("--key", folder + "/" + identity + "-key.pem"));
		arguments.add(url);
		return List.copyOf(arguments);
	}

	/**
	 * One command of the walkthrough.
	 *
	 * @param expectation what the command should get
	 * @param arguments the command, {@code curl} first
	 */
	public record Step(String expectation, List<String> arguments) {

		public Step {
			arguments = List.copyOf(arguments);
		}

		/**
		 * Return the command as a shell line, arguments quoted where needed.
		 * @return the command line
		 */
		public String commandLine() {
			List<String> quoted = new ArrayList<>(this.arguments.size());
			for (String argument : this.arguments) {
				quoted.add(PLAIN.matcher(argument).matches() ? argument : "'" + argument.replace("'", "'\\''") + "'");
			}
			return String.join(" ", quoted);
		}

	}

}
