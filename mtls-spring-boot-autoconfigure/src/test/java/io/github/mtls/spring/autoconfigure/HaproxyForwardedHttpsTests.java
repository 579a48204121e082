package io.github.mtls.spring.autoconfigure;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * End to end through a real HAProxy in the three-certificate topology: the caller's mTLS
 * ends at HAProxy ({@code verify required} against the client CA), which replaces
 * {@code X-SSL-Client-Cert} with {@code %[ssl_c_der,base64]} and connects to the service
 * with its own client certificate from 127.0.0.2. The format is detected
 * ({@code mtls.forwarded.format: auto}).
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.DEFINED_PORT)
class HaproxyForwardedHttpsTests {

	static final int APP_PORT = ProxyProcess.freePort();

	static final int HAPROXY_PORT = ProxyProcess.freePort();

	@TempDir
	static Path directory;

	static ProxyProcess haproxy;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		Properties.register(registry, TestPki.serverSsl("proxy-ca.p12"));
		Properties.register(registry, TestApplication.OPERATORS);
		registry.add("server.port", () -> APP_PORT);
		registry.add("mtls.client-auth", () -> "want");
		registry.add("mtls.trust-bundle", () -> "mydata-ca");
		registry.add("spring.ssl.bundle.pem.mydata-ca.truststore.certificate", () -> TestPki.file("client-ca.pem"));
		registry.add("mtls.forwarded.trusted-proxies", () -> "127.0.0.2/32");
		registry.add("mtls.forwarded.trusted-proxy-certificates", TestPki.proxy::sha256Fingerprint);
		registry.add("server.max-http-request-header-size", () -> "32KB");
	}

	@BeforeAll
	static void startHaproxy() {
		Path binary = ProxyProcess.require("haproxy");
		ProxyProcess.writePki(directory);
		ProxyProcess.write(directory.resolve("haproxy.cfg"),
				"""
						global
						    nbthread 1
						    pidfile %1$s/haproxy.pid
						defaults
						    mode http
						    timeout connect 5s
						    timeout client 10s
						    timeout server 10s
						frontend waf
						    bind 127.0.0.1:%2$d ssl crt %1$s/frontend.pem ca-file %1$s/client-ca.pem verify required
						    http-request del-header X-SSL-Client-Cert
						    http-request set-header X-SSL-Client-Cert %%[ssl_c_der,base64] if { ssl_c_used }
						    option forwardfor
						    default_backend service
						backend service
						    server app 127.0.0.1:%3$d ssl crt %1$s/proxy.pem ca-file %1$s/server-ca.pem verify required verifyhost localhost sni str(localhost) source 127.0.0.2
						"""
					.formatted(directory, HAPROXY_PORT, APP_PORT));
		haproxy = ProxyProcess.start(
				List.of(binary.toString(), "-db", "-f", directory.resolve("haproxy.cfg").toString()), directory,
				HAPROXY_PORT);
	}

	@AfterAll
	static void stopHaproxy() {
		if (haproxy != null) {
			haproxy.close();
		}
	}

	@Test
	void getThroughHaproxyWhenRegisteredOperatorThenOkWithItsPrincipal() {
		HttpResponse<String> response = HttpsRequests.get(TestPki.client(TestPki.registered), HAPROXY_PORT, "/whoami");
		assertThat(response.statusCode()).as(haproxy.output()).isEqualTo(200);
		assertThat(response.body()).contains("\"org_code\":\"A1AAER0000\"")
			.contains(TestPki.registered.sha256Fingerprint());
	}

	@Test
	void getThroughHaproxyWhenNoClientCertificateThenHandshakeRefusedByHaproxy() {
		assertThatExceptionOfType(HttpsRequests.HandshakeRefused.class)
			.isThrownBy(() -> HttpsRequests.get(TestPki.clientWithoutCertificate(), HAPROXY_PORT, "/whoami"));
	}

	@Test
	void getThroughHaproxyWhenUnregisteredOperatorThenRefusedByServiceWith40103() {
		HttpResponse<String> response = HttpsRequests.get(TestPki.client(TestPki.unregistered), HAPROXY_PORT,
				"/whoami");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("\"rsp_code\":\"40103\"");
	}

	@Test
	void getThroughHaproxyWhenCallerSendsOwnHeaderThenHaproxyReplacesIt() {
		HttpResponse<String> response = HttpsRequests.get(TestPki.client(TestPki.registered), HAPROXY_PORT, "/whoami",
				"X-SSL-Client-Cert", ForwardedHttpsTests.header(TestPki.bankOnly).substring(19));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("A1AAER0000").doesNotContain("C1CCBK0000");
	}

	@Test
	void getStraightToServiceWhenHeaderSpoofedFromUntrustedAddressThenRejectedWith40002() {
		RawHttps.Response response = RawHttps.get("127.0.0.1", APP_PORT, null, "/whoami",
				ForwardedHttpsTests.header(TestPki.registered));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).contains("\"rsp_code\":\"40002\"");
	}

	@Test
	void getFromTrustedAddressWithoutPinnedProxyCertificateThenHeaderNotBelieved() {
		RawHttps.Response response = RawHttps.get("127.0.0.2", APP_PORT, TestPki.registered, "/whoami",
				ForwardedHttpsTests.header(TestPki.registered));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).contains("\"rsp_code\":\"40002\"");
	}

	@Test
	void getFromTrustedProxyWhenHeaderCarriesCertificateOfAnotherCaThenRefusedByRevalidation() {
		RawHttps.Response response = RawHttps.get("127.0.0.2", APP_PORT, TestPki.proxy, "/whoami",
				ForwardedHttpsTests.header(TestPki.fromOtherCa));
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.body()).contains("\"rsp_code\":\"40101\"");
	}

}
