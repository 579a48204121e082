package io.github.mtls.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * The sample's {@code partner-port} profile over real HTTPS with the development PKI:
 * health without a certificate on the main port, {@code /v2/**} on the partner port only.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.dev-pki.dir=${" + SamplePartnerPortTests.DEV_PKI_DIR + "}", "mtls.connector.port=0" })
@ActiveProfiles("partner-port")
class SamplePartnerPortTests {

	static final String DEV_PKI_DIR = "sample-partner-port-tests.dev-pki-dir";

	@TempDir
	static Path devPki;

	@LocalServerPort
	private int mainPort;

	@Autowired
	private ServletWebServerApplicationContext context;

	@BeforeAll
	static void pointDevPkiAtTempDir() {
		System.setProperty(DEV_PKI_DIR, devPki.toString());
	}

	@AfterAll
	static void clearDevPkiDir() {
		System.clearProperty(DEV_PKI_DIR);
	}

	@Test
	void healthIsServedWithoutCertificateOnTheMainPort() throws Exception {
		HttpResponse<String> response = send(new DevPkiClients(devPki).withoutCertificate(), this.mainPort,
				"/actuator/health");
		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void apiIsServedOnThePartnerPortOnly() throws Exception {
		HttpResponse<String> main = send(new DevPkiClients(devPki).withoutCertificate(), this.mainPort,
				"/v2/bank/accounts");
		assertThat(main.statusCode()).isEqualTo(404);
		assertThat(main.body()).contains("\"rsp_code\":\"40401\"");
		HttpResponse<String> partner = send(new DevPkiClients(devPki).withCertificate("operator"), partnerPort(),
				"/v2/bank/accounts");
		assertThat(partner.statusCode()).isEqualTo(200);
	}

	@Test
	void partnerPortRefusesTheHandshakeWithoutCertificate() throws Exception {
		HttpClient client = new DevPkiClients(devPki).withoutCertificate();
		assertThatIOException().isThrownBy(() -> send(client, partnerPort(), "/v2/bank/accounts"));
	}

	private static HttpResponse<String> send(HttpClient client, int port, String path) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private int partnerPort() {
		Tomcat tomcat = ((TomcatWebServer) this.context.getWebServer()).getTomcat();
		for (Connector connector : tomcat.getService().findConnectors()) {
			if (connector != tomcat.getConnector()) {
				return connector.getLocalPort();
			}
		}
		throw new IllegalStateException("No partner connector");
	}

}
