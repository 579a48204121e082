package io.github.mtls.spring.autoconfigure;

import java.util.List;
import java.util.stream.Stream;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The property no request may break: whatever its method, path, headers, forwarded
 * certificate, {@code X-Forwarded-For} or peer address family, the answer over real HTTPS
 * through the starter's filter chain is below 500, and a forwarded certificate from a
 * peer that is not a trusted proxy is never accepted. Trusted proxies and allowlists mix
 * IPv4 and IPv6 ranges, and Tomcat's {@code RemoteIpValve} parses {@code X-Forwarded-For}
 * too. A plain build replays the known tricks and the seeds; {@code JAZZER_FUZZ=1}
 * fuzzes.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class NoServerErrorFuzzTests {

	private static final String PROXY = "127.0.0.2";

	private static final List<String> PEERS = List.of(PROXY, "127.0.0.1", "::1");

	private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH",
			"TRACE", "PROPFIND", "get");

	private static final List<String> PATHS = List.of("/whoami", "/public/ping", "/v2/bank/accounts", "/v2/card/cards",
			"/actuator/health", "/nothing-here", "/public/../whoami", "/%2e%2e/whoami");

	private static final List<String> FORWARDED_FOR = List.of("198.51.100.7:4431", "[2001:db8::1]:443",
			"\"[2001:db8::1]:443\"", "\"198.51.100.7\"", "1:2:3", "::::", ":::", "a00::1", "32.1.13.184",
			"::ffff:127.0.0.2", "::ffff:203.0.113.7", "203.0.113.7, 198.51.100.7:4431", "", ",", ", ,", "unknown",
			"_hidden", "2001:db8::/32", "10.0.0.0/8", "999.1.1.1", "1.2.3", "[::1", "::1]", "[]", "[1.2.3.4]",
			"fe80::1%eth0", "1.2.3.4%25", "0x7f.1", "127.1", "\"", "\"\"", "[2001:db8::1]:99999", "1.2.3.4:",
			"1.2.3.4:-1", "203.0.113.7,10.1.2.3,127.0.0.2", "2001:db8::1, 127.0.0.2", "x".repeat(4000));

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		Properties.register(registry, TestPki.serverSsl("client-and-proxy-ca.p12"));
		Properties.register(registry, TestApplication.OPERATORS);
		Properties.register(registry, "mtls.client-auth=want", "mtls.trust-bundle=mydata-ca",
				"spring.ssl.bundle.pem.mydata-ca.truststore.certificate=" + TestPki.file("client-ca.pem"),
				"mtls.forwarded.trusted-proxies=127.0.0.2/32,2001:db8::/32,10.0.0.0/8",
				"mtls.mydata.operators[0].ip-allowlist=203.0.113.0/24,2001:db8:1::/48,127.0.0.0/8",
				"mtls.mydata.operators[1].ip-allowlist=::/0", "server.max-http-request-header-size=32KB");
	}

	static Stream<String> forwardedFor() {
		return FORWARDED_FOR.stream();
	}

	@ParameterizedTest
	@MethodSource("forwardedFor")
	void requestWhenTrustedProxyForwardsAnyClientAddressThenNoServerError(String forwardedFor) {
		for (String path : List.of("/whoami", "/public/ping")) {
			for (String certificate : List.of(ForwardedHttpsTests.header(TestPki.registered),
					ForwardedHttpsTests.header(TestPki.bankOnly))) {
				int status = RawHttps
					.get(PROXY, this.port, TestPki.proxy, path, certificate, "X-Forwarded-For: " + forwardedFor)
					.status();
				assertThat(status).as("%s with X-Forwarded-For: %s", path, forwardedFor).isLessThan(500);
			}
		}
	}

	@FuzzTest(maxDuration = "60s")
	void requestWhenAnyMethodPathHeadersAndPeerThenNoServerError(FuzzedDataProvider data) {
		String peer = data.pickValue(PEERS);
		String method = data.pickValue(METHODS);
		String path = data.pickValue(PATHS);
		String certificate = switch (data.consumeInt(0, 3)) {
			case 0 -> null;
			case 1 -> ForwardedHttpsTests.header(TestPki.registered);
			case 2 -> ForwardedHttpsTests.header(TestPki.bankOnly);
			default -> "X-SSL-Client-Cert: " + line(data.consumeString(2000));
		};
		String forwardedFor = data.consumeBoolean() ? data.pickValue(FORWARDED_FOR) : line(data.consumeString(300));
		String otherName = data.pickValue(List.of("X-Forwarded-For", "Forwarded", "X-Forwarded-Proto",
				"X-Forwarded-Host", "X-Forwarded-Port", "X-Client-Cert", "x-api-tran-id", "Authorization"));
		String otherValue = line(data.consumeRemainingAsString());
		String[] lines = (certificate != null)
				? new String[] { certificate, "X-Forwarded-For: " + forwardedFor, otherName + ": " + otherValue }
				: new String[] { "X-Forwarded-For: " + forwardedFor, otherName + ": " + otherValue };
		int status = RawHttps.send(method, peer, this.port, TestPki.proxy, path, lines).status();
		assertThat(status).isLessThan(500);
		if (!peer.equals(PROXY) && certificate != null && path.equals("/whoami")) {
			assertThat(status).isGreaterThanOrEqualTo(400);
		}
	}

	private static String line(String value) {
		return value.replace('\r', ' ').replace('\n', ' ');
	}

}
