package io.github.mtls.sample;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.json.BasicJsonTester;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import io.github.mtls.sample.devpki.DevPki;
import io.github.mtls.sample.devpki.DevTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The sample's {@code mydata-call} profile over real HTTPS with the development PKI:
 * {@code /v2/**} wants the operator's certificate and an access token issued to it, and
 * the curl commands logged at startup carry tokens that work.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "sample.dev-pki.dir=${" + SampleMyDataCallTests.DEV_PKI_DIR + "}")
@ActiveProfiles("mydata-call")
@ExtendWith(OutputCaptureExtension.class)
class SampleMyDataCallTests {

	static final String DEV_PKI_DIR = "sample-mydata-call-tests.dev-pki-dir";

	private static final Pattern BEARER = Pattern.compile("Bearer ([A-Za-z0-9_.-]+)");

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
	void bankAccountsWhenCertificateAndBoundTokenThenOk() throws Exception {
		String token = tokens().bound("A1AAER0000", List.of("bank.list"), certificate("operator"));
		HttpResponse<String> response = get("operator", "/v2/bank/accounts", token);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.json.from(response.body())).extractingJsonPathStringValue("$.rsp_code").isEqualTo("00000");
	}

	@Test
	void bankAccountsWhenCertificateAndUnboundTokenThenOk() throws Exception {
		String token = tokens().unbound("C1CCBK0000", List.of("bank.list"));
		assertThat(get("bank-only", "/v2/bank/accounts", token).statusCode()).isEqualTo(200);
	}

	@Test
	void whoamiWhenTokenThenShowsTokenSubjectAndScopes() throws Exception {
		String token = tokens().unbound("A1AAER0000", List.of("card.list", "bank.list"));
		HttpResponse<String> response = get("operator", "/whoami", token);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.json.from(response.body())).extractingJsonPathStringValue("$.org_code").isEqualTo("A1AAER0000");
		assertThat(this.json.from(response.body())).extractingJsonPathStringValue("$.token_subject")
			.isEqualTo(DevTokens.SUBJECT);
		assertThat(this.json.from(response.body())).extractingJsonPathArrayValue("$.token_scopes")
			.containsExactly("bank.list", "card.list");
	}

	@Test
	void whoamiWhenCertificateOnlyThenNoTokenMembers() throws Exception {
		HttpResponse<String> response = get("operator", "/whoami", null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.json.from(response.body())).doesNotHaveJsonPath("$.token_subject");
		assertThat(this.json.from(response.body())).doesNotHaveJsonPath("$.token_scopes");
	}

	@Test
	void bankAccountsWhenCertificateOnlyThenAccessTokenRequired() throws Exception {
		HttpResponse<String> response = get("operator", "/v2/bank/accounts", null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo("{\"rsp_code\":\"40101\",\"rsp_msg\":\"access token required\"}");
	}

	@Test
	void bankAccountsWhenTokenOfAnotherOperatorThenNotBound() throws Exception {
		String token = tokens().unbound("C1CCBK0000", List.of("bank.list"));
		HttpResponse<String> response = get("operator", "/v2/bank/accounts", token);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body())
			.isEqualTo("{\"rsp_code\":\"40101\",\"rsp_msg\":\"access token is not bound to this operator\"}");
	}

	@Test
	void bankAccountsWhenTokenBoundToAnotherCertificateThenInvalid() throws Exception {
		// bank-only's own client id, but bound by cnf.x5t#S256 to operator's certificate.
		String token = tokens().bound("C1CCBK0000", List.of("bank.list"), certificate("operator"));
		HttpResponse<String> response = get("bank-only", "/v2/bank/accounts", token);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(this.json.from(response.body())).extractingJsonPathStringValue("$.rsp_code").isEqualTo("40101");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				(header) -> assertThat(header).startsWith("Bearer").contains("error=\"invalid_token\""));
	}

	@Test
	void bankAccountsWhenGarbageTokenThenInvalidWithWwwAuthenticate() throws Exception {
		HttpResponse<String> response = get("operator", "/v2/bank/accounts", "not-a-jwt");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo("{\"rsp_code\":\"40101\",\"rsp_msg\":\"invalid access token\"}");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				(header) -> assertThat(header).startsWith("Bearer").contains("error=\"invalid_token\""));
	}

	@Test
	void cardsWhenTokenLacksCardScopeThenTokenScopeNotGranted() throws Exception {
		String token = tokens().unbound("A1AAER0000", List.of("bank.list"));
		HttpResponse<String> response = get("operator", "/v2/card/cards", token);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(this.json.from(response.body())).extractingJsonPathStringValue("$.rsp_code").isEqualTo("40104");
	}

	@Test
	void loggedCommandsWhenTheirTokenIsUsedThenAnswered(CapturedOutput output) throws Exception {
		List<String> commands = loggedCommands(output);
		String bankCall = commands.stream()
			.filter((line) -> line.contains("Bearer") && line.endsWith("/v2/bank/accounts"))
			.findFirst()
			.orElseThrow();
		assertThat(bankCall).contains("--cert " + devPki.resolve("operator.pem"))
			.contains("https://localhost:" + this.port + "/");
		Matcher token = BEARER.matcher(bankCall);
		assertThat(token.find()).isTrue();
		assertThat(get("operator", "/v2/bank/accounts", token.group(1)).statusCode()).isEqualTo(200);
	}

	@Test
	void loggedCommandsWhenRunByTheShellThenEachGetsItsAnswer(CapturedOutput output) throws Exception {
		assumeTrue(Curl.isOnPath(), "curl is not on the PATH");
		List<String> lines = loggedLines(output);
		List<String> expectations = lines.stream().filter((line) -> line.startsWith("# ")).toList();
		assertThat(expectations).hasSizeGreaterThanOrEqualTo(4);
		for (int i = 0; i < lines.size(); i += 2) {
			String expectation = lines.get(i);
			String answer = run(lines.get(i + 1));
			if (expectation.contains(": 200")) {
				assertThat(answer).as(expectation).doesNotContain("\"rsp_code\":\"4");
				assertThat(answer).as(expectation).containsAnyOf("\"rsp_code\":\"00000\"", "\"org_code\"");
			}
			else {
				assertThat(answer).as(expectation).contains("\"rsp_code\":\"40101\"");
			}
			if (expectation.contains("token_subject")) {
				assertThat(answer).as(expectation).contains("\"token_subject\":\"" + DevTokens.SUBJECT + "\"");
			}
		}
	}

	@Test
	void startupLogWhenProfileActiveThenTokensSaidDevelopmentOnlyAndNoKey(CapturedOutput output) {
		assertThat(output.getOut()).contains("DEVELOPMENT-ONLY tokens")
			.doesNotContain("PRIVATE KEY")
			.doesNotContain("Try the sample with its development PKI:");
	}

	/**
	 * The logged walkthrough: alternately a {@code # expectation} line and its command.
	 */
	private static List<String> loggedLines(CapturedOutput output) {
		String log = output.getOut();
		int start = log.indexOf("Try the MyData call");
		assertThat(start).as("walkthrough logged").isNotNegative();
		return log.substring(start)
			.lines()
			.skip(1)
			.takeWhile((line) -> line.startsWith("  "))
			.map(String::strip)
			.toList();
	}

	private static List<String> loggedCommands(CapturedOutput output) {
		return loggedLines(output).stream().filter((line) -> line.startsWith("curl ")).toList();
	}

	private static String run(String commandLine) throws Exception {
		Process process = new ProcessBuilder("sh", "-c", commandLine).redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		String answer = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(commandLine).isTrue();
		assertThat(process.exitValue()).as(commandLine).isZero();
		return answer;
	}

	private HttpResponse<String> get(String identity, String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://localhost:" + this.port + path)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return new DevPkiClients(devPki).withCertificate(identity)
			.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static DevTokens tokens() {
		return new DevTokens(new DevPki(devPki), Clock.systemUTC());
	}

	private static X509Certificate certificate(String identity) throws Exception {
		try (InputStream in = Files.newInputStream(devPki.resolve(identity + ".pem"))) {
			return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
		}
	}

}
