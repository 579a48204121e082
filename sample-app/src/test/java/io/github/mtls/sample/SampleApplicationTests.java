package io.github.mtls.sample;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.json.BasicJsonTester;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.mtls.sample.devpki.CurlWalkthrough;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The sample over real HTTPS with the development PKI it mints into a temporary folder,
 * called by the JDK HTTP client as each kind of operator.
 * <p>
 * The folder reaches the application through a system property set before the context
 * starts: the dev PKI post-processor runs before {@code @DynamicPropertySource} values
 * are added to the environment.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "sample.dev-pki.dir=${" + SampleApplicationTests.DEV_PKI_DIR + "}")
class SampleApplicationTests {

	static final String DEV_PKI_DIR = "sample-app-tests.dev-pki-dir";

	@TempDir
	static Path devPki;

	@LocalServerPort
	private int port;

	private final BasicJsonTester json = new BasicJsonTester(getClass());

	@BeforeAll
	static void pointDevPkiAtTempDir() {
		System.setProperty(DEV_PKI_DIR, devPki.toString());
	}

	@AfterAll
	static void clearDevPkiDir() {
		System.clearProperty(DEV_PKI_DIR);
	}

	@Test
	void whoamiWhenRegisteredOperatorThenReturnsPrincipal() throws Exception {
		HttpResponse<String> response = get("operator", "/whoami");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.json.from(response.body())).extractingJsonPathStringValue("$.org_code").isEqualTo("A1AAER0000");
		assertThat(this.json.from(response.body())).extractingJsonPathStringValue("$.business_number")
			.isEqualTo("2208112345");
		assertThat(this.json.from(response.body())).extractingJsonPathStringValue("$.name")
			.isEqualTo("Example Fintech");
		assertThat(this.json.from(response.body())).extractingJsonPathArrayValue("$.scopes")
			.containsExactly("bank.list", "card.list");
		assertThat(this.json.from(response.body())).extractingJsonPathArrayValue("$.org_codes")
			.containsExactly("A1AAER0000", "D1AAEV0000");
		assertThat(this.json.from(response.body())).extractingJsonPathArrayValue("$.industries")
			.containsExactly("bank", "card");
		assertThat(this.json.from(response.body())).extractingJsonPathArrayValue("$.org_types").containsExactly("03");
		assertThat(this.json.from(response.body())).extractingJsonPathStringValue("$.fingerprint")
			.isEqualTo(fingerprint(devPki.resolve("operator.pem")));
	}

	@Test
	void bankAccountsWhenRegisteredOperatorThenReturnsAccounts() throws Exception {
		HttpResponse<String> response = get("operator", "/v2/bank/accounts");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.json.from(response.body())).extractingJsonPathStringValue("$.rsp_code").isEqualTo("00000");
		assertThat(this.json.from(response.body())).extractingJsonPathArrayValue("$.account_list").hasSize(2);
	}

	@Test
	void cardsWhenRegisteredOperatorThenReturnsCards() throws Exception {
		HttpResponse<String> response = get("operator", "/v2/card/cards");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.json.from(response.body())).extractingJsonPathStringValue("$.rsp_msg").isEqualTo("success");
		assertThat(this.json.from(response.body())).extractingJsonPathNumberValue("$.card_cnt").isEqualTo(2);
	}

	@Test
	void bankAccountsWhenBankOnlyOperatorThenReturnsAccounts() throws Exception {
		assertThat(get("bank-only", "/v2/bank/accounts").statusCode()).isEqualTo(200);
	}

	@Test
	void whoamiWhenUnregisteredOperatorThenUnauthorized() throws Exception {
		HttpResponse<String> response = get("unregistered", "/whoami");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(this.json.from(response.body())).extractingJsonPathStringValue("$.rsp_code").isEqualTo("40103");
	}

	@Test
	void bankAccountsWhenSuspendedOperatorThenForbidden() throws Exception {
		HttpResponse<String> response = get("suspended", "/v2/bank/accounts");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(this.json.from(response.body())).extractingJsonPathStringValue("$.rsp_code").isEqualTo("40302");
	}

	@Test
	void cardsWhenBankOnlyOperatorThenUnauthorized() throws Exception {
		HttpResponse<String> response = get("bank-only", "/v2/card/cards");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(this.json.from(response.body())).extractingJsonPathStringValue("$.rsp_code").isEqualTo("40104");
	}

	@Test
	void whoamiWhenNoClientCertificateThenHandshakeFails() throws Exception {
		HttpClient client = new DevPkiClients(devPki).withoutCertificate();
		assertThatIOException()
			.isThrownBy(() -> client.send(request("/whoami").build(), HttpResponse.BodyHandlers.ofString()));
	}

	@Test
	void healthWhenOperatorThenUp() throws Exception {
		HttpResponse<String> response = get("operator", "/actuator/health");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.json.from(response.body())).extractingJsonPathStringValue("$.status").isEqualTo("UP");
	}

	@Test
	void whoamiWhenRefusedThenTranIdIsEchoed() throws Exception {
		HttpRequest request = request("/whoami").header("x-api-tran-id", "A1AAER0000M0000000001").build();
		HttpResponse<String> response = new DevPkiClients(devPki).withCertificate("unregistered")
			.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("x-api-tran-id")).hasValue("A1AAER0000M0000000001");
	}

	@Test
	void curlWalkthroughWhenRunAsLoggedThenEachStepGetsItsAnswer() throws Exception {
		assumeTrue(Curl.isOnPath(), "curl is not on the PATH");
		List<CurlWalkthrough.Step> steps = CurlWalkthrough.steps(devPki.toString(), this.port);
		List<String> answers = List.of("\"org_code\":\"A1AAER0000\"", "\"rsp_code\":\"00000\"",
				"\"rsp_code\":\"40103\"", "\"rsp_code\":\"40302\"", "\"rsp_code\":\"40104\"");
		assertThat(steps).hasSize(answers.size() + 1);
		for (int i = 0; i < answers.size(); i++) {
			Curl.Result result = Curl.run(steps.get(i).arguments());
			assertThat(result.exitCode()).as(steps.get(i).commandLine()).isZero();
			assertThat(result.output()).as(steps.get(i).commandLine()).contains(answers.get(i));
		}
		CurlWalkthrough.Step withoutCertificate = steps.get(answers.size());
		assertThat(Curl.run(withoutCertificate.arguments()).exitCode()).as(withoutCertificate.commandLine())
			.isNotZero();
	}

	@Test
	void headWhenBankOnlyOperatorAsksForCardsThenRefusedLikeGet() throws Exception {
		assumeTrue(Curl.isOnPath(), "curl is not on the PATH");
		Curl.Result head = Curl.run(curl("bank-only", "-I", "https://localhost:" + this.port + "/v2/card/cards"));
		assertThat(head.output()).startsWith("HTTP/1.1 401");
		Curl.Result allowed = Curl.run(curl("operator", "-I", "https://localhost:" + this.port + "/v2/card/cards"));
		assertThat(allowed.output()).startsWith("HTTP/1.1 200");
	}

	@Test
	void requestWhenNoRuleNamesItThenForbiddenWith40301() throws Exception {
		assumeTrue(Curl.isOnPath(), "curl is not on the PATH");
		for (String[] call : new String[][] { { "DELETE", "/v2/bank/accounts" }, { "POST", "/whoami" },
				{ "GET", "/actuator/env" }, { "GET", "/actuator" }, { "PUT", "/v2/card/cards" } }) {
			Curl.Result result = Curl
				.run(curl("operator", "-i", "-X", call[0], "https://localhost:" + this.port + call[1]));
			assertThat(result.output()).as(String.join(" ", call)).startsWith("HTTP/1.1 403");
			assertThat(result.output()).as(String.join(" ", call)).contains("\"rsp_code\":\"40301\"");
		}
	}

	private List<String> curl(String identity, String... arguments) {
		List<String> command = new ArrayList<>(List.of("curl", "-s", "--cacert", devPki.resolve("ca.pem").toString(),
				"--cert", devPki.resolve(identity + ".pem").toString(), "--key",
				devPki.resolve(identity + "-key.pem").toString()));
		command.addAll(List.of(arguments));
		return command;
	}

	private HttpResponse<String> get(String identity, String path) throws Exception {
		return new DevPkiClients(devPki).withCertificate(identity)
			.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("https://localhost:" + this.port + path)).GET();
	}

	private static String fingerprint(Path pem) throws Exception {
		try (InputStream in = Files.newInputStream(pem)) {
			byte[] der = CertificateFactory.getInstance("X.509").generateCertificate(in).getEncoded();
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
		}
	}

}
