package io.github.mtls.sample.devpki;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * The curl commands of the {@code mydata-call} profile, where {@code /v2/**} wants both
 * credentials of a MyData call: per registered operator, its certificate with a token
 * issued to it (unbound, then bound to its certificate); then a call without a token and
 * one with another operator's token, each refused for its own reason.
 *
 * @author mtls-spring-boot
 */
public final class MyDataCallWalkthrough {

	private MyDataCallWalkthrough() {
	}

	/**
	 * Return the walkthrough's steps.
	 * @param folder the PKI folder as the reader should type it, such as {@code dev-pki}
	 * @param port the server's HTTPS port
	 * @param pki the PKI, whose operator certificates the bound tokens name
	 * @param operators the registered, active operators, at least one
	 * @param tokens the tokens' issuer
	 * @return the steps, in order
	 */
	public static List<CurlWalkthrough.Step> steps(String folder, int port, DevPki pki, List<Operator> operators,
			DevTokens tokens) {
		String base = "https://localhost:" + port;
		List<CurlWalkthrough.Step> steps = new ArrayList<>();
		for (Operator operator : operators) {
			String unbound = tokens.unbound(operator.orgCode(), operator.scopes());
			String bound = tokens.bound(operator.orgCode(), operator.scopes(), certificate(pki, operator.identity()));
			String who = operator.name() + " (" + operator.orgCode() + ")";
			steps.add(new CurlWalkthrough.Step(who + ", certificate and access token: 200",
					withToken(folder, operator.identity(), unbound, base + "/v2/bank/accounts")));
			steps.add(new CurlWalkthrough.Step(
					who + ", token bound to its certificate (cnf.x5t#S256): 200 with token_subject and token_scopes",
					withToken(folder, operator.identity(), bound, base + "/whoami")));
		}
		Operator first = operators.get(0);
		steps.add(new CurlWalkthrough.Step("certificate without access token: 401, rsp_code 40101",
				CurlWalkthrough.withCertificate(folder, first.identity(), base + "/v2/bank/accounts")));
		if (operators.size() > 1) {
			Operator other = operators.get(1);
			steps.add(
					new CurlWalkthrough.Step("token of another operator (" + other.orgCode() + "): 401, rsp_code 40101",
							withToken(folder, first.identity(), tokens.unbound(other.orgCode(), other.scopes()),
									base + "/v2/bank/accounts")));
		}
		return List.copyOf(steps);
	}

	private static List<String> withToken(String folder, String identity, String token, String url) {
		List<String> arguments = new ArrayList<>(CurlWalkthrough.withCertificate(folder, identity, url));
		arguments.addAll(arguments.size() - 1, List.of("-H", "Authorization: Bearer " + token));
		return List.copyOf(arguments);
	}

	private static X509Certificate certificate(DevPki pki, String identity) {
		try (InputStream in = Files.newInputStream(pki.file(identity + ".pem"))) {
			return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Development PKI certificate could not be read: " + identity, ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Development PKI certificate could not be parsed: " + identity, ex);
		}
	}

	/**
	 * A registered operator of the walkthrough.
	 *
	 * @param identity the file name stem of its certificate, such as {@code operator}
	 * @param name its display name
	 * @param orgCode its primary org code, the tokens' {@code client_id}
	 * @param scopes the scopes of its tokens
	 */
	public record Operator(String identity, String name, String orgCode, List<String> scopes) {

		public Operator {
			scopes = List.copyOf(scopes);
		}

	}

}
