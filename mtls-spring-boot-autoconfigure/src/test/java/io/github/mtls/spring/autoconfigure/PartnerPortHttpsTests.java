package io.github.mtls.spring.autoconfigure;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLSocket;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleRegistry;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.github.mtls.spring.test.pki.IssuedCertificate;
import io.github.mtls.spring.test.pki.TrustStores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Real HTTPS with a partner port ({@code mtls.connector.*}): the main port is one-way TLS
 * that even asks for a certificate ({@code server.ssl.client-auth: want}) and serves
 * probes; operators are authenticated on the partner port only, and {@code /v2/**} is
 * served there only.
 */
@SpringBootTest(classes = { TestApplication.class, PartnerPortHttpsTests.CountingController.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
class PartnerPortHttpsTests {

	private static final String TRAN_ID = "1234567890M00000000000001";

	@LocalServerPort
	int mainPort;

	@Autowired
	ServletWebServerApplicationContext context;

	@Autowired
	MeterRegistry meterRegistry;

	@Autowired
	CountingController counting;

	@Autowired
	SslBundleRegistry sslBundleRegistry;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		Properties.register(registry, TestPki.serverSsl("client-ca.p12"));
		Properties.register(registry, TestApplication.OPERATORS);
		Properties.register(registry, partnerBundle("partner"));
		Properties.register(registry, "server.ssl.client-auth=want", "mtls.connector.port=0",
				"mtls.connector.ssl-bundle=partner", "mtls.connector.paths=/v2/**",
				"mtls.access-rules[3].path=/actuator/health/**", "mtls.access-rules[3].permit-all=true",
				"server.tomcat.max-keep-alive-requests=7", "server.tomcat.keep-alive-timeout=13s",
				"server.tomcat.max-connections=321", "server.tomcat.threads.max=37");
	}

	static String[] partnerBundle(String name) {
		String prefix = "spring.ssl.bundle.jks." + name + ".";
		return new String[] { prefix + "keystore.location=" + TestPki.file("server.p12"),
				prefix + "keystore.password=" + TestPki.PASSWORD, prefix + "keystore.type=PKCS12",
				prefix + "truststore.location=" + TestPki.file("client-ca.p12"),
				prefix + "truststore.password=" + TestPki.PASSWORD, prefix + "truststore.type=PKCS12" };
	}

	@Test
	void probesWithoutCertificateAreServedOnTheMainPort() {
		assertThat(
				HttpsRequests.get(TestPki.clientWithoutCertificate(), this.mainPort, "/actuator/health").statusCode())
			.isEqualTo(200);
		assertThat(HttpsRequests.get(TestPki.clientWithoutCertificate(), this.mainPort, "/public/ping").statusCode())
			.isEqualTo(200);
	}

	@Test
	void operatorIsAuthenticatedOnThePartnerPort() {
		HttpResponse<String> response = HttpsRequests.get(TestPki.client(TestPki.registered), partnerPort(), "/whoami");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"org_code\":\"A1AAER0000\"");
		assertThat(this.meterRegistry.get("mtls.requests.authenticated")
			.tag("origin", "direct")
			.tag("connector", "partner")
			.counter()
			.count()).isPositive();
	}

	@Test
	void operatorIsAuthenticatedOnThePartnerPortWithCurl() throws Exception {
		Path directory = Files.createTempDirectory("partner-curl");
		Path certificate = Files.writeString(directory.resolve("client.pem"), TestPki.registered.certificatePem());
		Path key = Files.writeString(directory.resolve("client-key.pem"), TestPki.registered.privateKeyPem());
		Path ca = Files.writeString(directory.resolve("server-ca.pem"), TestPki.serverCa.issued().certificatePem());
		String output = curl("--cacert", ca.toString(), "--cert", certificate.toString(), "--key", key.toString(),
				"https://localhost:" + partnerPort() + "/v2/bank/accounts");
		assertThat(output).isEqualTo("200 {\"rsp_code\":\"00000\"}");
		String refused = curl("--cacert", ca.toString(), "https://localhost:" + partnerPort() + "/v2/bank/accounts");
		assertThat(refused).startsWith("000");
	}

	@Test
	void directCertificateOnTheMainPortDoesNotAuthenticate() {
		HttpResponse<String> response = HttpsRequests.get(TestPki.client(TestPki.registered), this.mainPort, "/whoami");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo("{\"rsp_code\":\"40101\",\"rsp_msg\":\"client certificate required\"}");
	}

	@Test
	void partnerOnlyPathOnTheMainPortAnswers40401WithoutRunningTheHandler() {
		this.counting.calls.set(0);
		for (String path : List.of("/v2/counted", "/v2/counted/", "/v2;a=b/counted", "/v2/./counted")) {
			for (IssuedCertificate certificate : new IssuedCertificate[] { TestPki.registered, null }) {
				HttpResponse<String> response = HttpsRequests.get(
						(certificate != null) ? TestPki.client(certificate) : TestPki.clientWithoutCertificate(),
						this.mainPort, path, "x-api-tran-id", TRAN_ID);
				assertThat(response.statusCode()).as(path).isEqualTo(404);
				assertThat(response.body()).as(path)
					.isEqualTo("{\"rsp_code\":\"40401\",\"rsp_msg\":\"requested API not found\"}");
				assertThat(response.headers().firstValue("x-api-tran-id")).hasValue(TRAN_ID);
			}
		}
		// A path that is not normalised is refused by Spring Security's firewall.
		assertThat(
				HttpsRequests.get(TestPki.client(TestPki.registered), this.mainPort, "/x/../v2/counted").statusCode())
			.isEqualTo(400);
		assertThat(this.counting.calls).hasValue(0);
		assertThat(this.meterRegistry.get("mtls.requests.rejected")
			.tag("reason", "PARTNER_PORT_ONLY")
			.tag("rsp_code", "40401")
			.tag("connector", "main")
			.counter()
			.count()).isPositive();
		assertThat(HttpsRequests.get(TestPki.client(TestPki.registered), partnerPort(), "/v2/counted").statusCode())
			.isEqualTo(200);
		assertThat(this.counting.calls).hasValue(1);
	}

	@Test
	void pathsNotConfinedAreServedOnBothPorts() {
		assertThat(HttpsRequests.get(TestPki.client(TestPki.registered), partnerPort(), "/public/ping").statusCode())
			.isEqualTo(200);
		assertThat(
				HttpsRequests.get(TestPki.client(TestPki.registered), partnerPort(), "/actuator/health").statusCode())
			.isEqualTo(200);
	}

	@Test
	void handshakeWithoutCertificateIsRefusedOnThePartnerPort() {
		assertThatExceptionOfType(HttpsRequests.HandshakeRefused.class)
			.isThrownBy(() -> HttpsRequests.get(TestPki.clientWithoutCertificate(), partnerPort(), "/public/ping"));
		assertThatExceptionOfType(HttpsRequests.HandshakeRefused.class)
			.isThrownBy(() -> HttpsRequests.get(TestPki.client(TestPki.fromOtherCa), partnerPort(), "/public/ping"));
	}

	@Test
	void updatingThePartnerBundleReloadsThePartnerConnectorsTls() throws Exception {
		IssuedCertificate renewed = TestPki.serverCa.leaf("localhost")
			.dnsNames("localhost")
			.ipAddresses("127.0.0.1")
			.serverAuth()
			.issue();
		assertThat(serverCertificate(partnerPort())).isEqualTo(TestPki.server.certificate());
		this.sslBundleRegistry.updateBundle("partner",
				SslBundle.of(SslStoreBundle.of(renewed.toKeyStore("server", TestPki.PASSWORD.toCharArray()),
						TestPki.PASSWORD, TrustStores.of(TestPki.clientCa.certificate()))));
		assertThat(serverCertificate(partnerPort())).isEqualTo(renewed.certificate());
		assertThat(serverCertificate(this.mainPort)).isEqualTo(TestPki.server.certificate());
		assertThat(HttpsRequests.get(TestPki.client(TestPki.registered), partnerPort(), "/whoami").statusCode())
			.isEqualTo(200);
	}

	@Test
	void partnerConnectorHasTheMainConnectorsTomcatLimits() {
		Tomcat tomcat = ((TomcatWebServer) this.context.getWebServer()).getTomcat();
		AbstractHttp11Protocol<?> main = (AbstractHttp11Protocol<?>) tomcat.getConnector().getProtocolHandler();
		AbstractHttp11Protocol<?> partner = (AbstractHttp11Protocol<?>) partnerConnector().getProtocolHandler();
		assertThat(partner.getMaxKeepAliveRequests()).isEqualTo(main.getMaxKeepAliveRequests()).isEqualTo(7);
		assertThat(partner.getKeepAliveTimeout()).isEqualTo(main.getKeepAliveTimeout()).isEqualTo(13000);
		assertThat(partner.getMaxConnections()).isEqualTo(main.getMaxConnections()).isEqualTo(321);
		// Threads: the partner connector runs on the main connector's executor (below).
		assertThat(main.getMaxThreads()).isEqualTo(37);
	}

	@Test
	void partnerConnectorRunsOnTheMainConnectorsExecutor() {
		Tomcat tomcat = ((TomcatWebServer) this.context.getWebServer()).getTomcat();
		assertThat(tomcat.getConnector().getProtocolHandler().getExecutor()).isNotNull()
			.isSameAs(partnerConnector().getProtocolHandler().getExecutor());
	}

	private X509Certificate serverCertificate(int port) throws IOException {
		try (SSLSocket socket = (SSLSocket) TestPki.sslContext(TestPki.registered)
			.getSocketFactory()
			.createSocket("localhost", port)) {
			socket.startHandshake();
			return (X509Certificate) socket.getSession().getPeerCertificates()[0];
		}
	}

	private int partnerPort() {
		return partnerConnector().getLocalPort();
	}

	private Connector partnerConnector() {
		Tomcat tomcat = ((TomcatWebServer) this.context.getWebServer()).getTomcat();
		for (Connector connector : tomcat.getService().findConnectors()) {
			if (connector != tomcat.getConnector()) {
				return connector;
			}
		}
		throw new IllegalStateException("No partner connector");
	}

	private static String curl(String... arguments) throws IOException, InterruptedException {
		List<String> command = new java.util.ArrayList<>(
				List.of("curl", "-s", "--max-time", "10", "-o", "-", "-w", "%{http_code} "));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("curl did not finish");
		}
		// -w writes the status after the body: put it first.
		int split = output.lastIndexOf(' ', output.length() - 1);
		String status = output.substring(output.length() - 4).trim();
		String body = output.substring(0, output.length() - 4);
		return status + ((split >= 0 && !body.isEmpty()) ? " " + body : "");
	}

	@RestController
	static class CountingController {

		final AtomicInteger calls = new AtomicInteger();

		@GetMapping("/v2/counted")
		Map<String, Object> counted() {
			this.calls.incrementAndGet();
			return Map.of("rsp_code", "00000");
		}

	}

}
