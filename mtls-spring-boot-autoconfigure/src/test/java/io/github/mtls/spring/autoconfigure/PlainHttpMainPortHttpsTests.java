package io.github.mtls.spring.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.mtls.spring.observability.CertificateInventory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain-HTTP main port (no {@code server.ssl} at all, as behind an ingress) beside a
 * partner port whose TLS and client CA come from its own SSL bundle; the anchors callers
 * chain to are that bundle's trust store.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class PlainHttpMainPortHttpsTests {

	@LocalServerPort
	int mainPort;

	@LocalManagementPort
	int managementPort;

	@Autowired
	ServletWebServerApplicationContext context;

	@Autowired
	CertificateInventory inventory;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		Properties.register(registry, TestApplication.OPERATORS);
		Properties.register(registry, PartnerPortHttpsTests.partnerBundle("partner"));
		// A fixed partner port: were the partner connector also added to the management
		// server, its second bind would fail startup.
		Properties.register(registry, "mtls.connector.port=" + freePort(), "mtls.connector.ssl-bundle=partner",
				"management.server.port=0", "mtls.access-rules[3].path=/actuator/health/**",
				"mtls.access-rules[3].permit-all=true");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void inventoryWatchesThePartnerPortsServerCertificate() {
		// No server.ssl: the certificate partners connect to is the partner bundle's.
		assertThat(this.inventory.certificates())
			.filteredOn((entry) -> entry.kind() == CertificateInventory.Kind.SERVER)
			.extracting(CertificateInventory.Entry::sha256)
			.contains(TestPki.server.sha256Fingerprint());
	}

	@Test
	void mainPortServesPlainHttpWithoutCertificate() throws Exception {
		HttpResponse<String> response = plainGet("/public/ping");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"pong\":true}");
		assertThat(plainGet("/whoami").statusCode()).isEqualTo(401);
	}

	@Test
	void managementServerHasNoPartnerConnector() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.managementPort + "/actuator/health"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		Tomcat tomcat = ((TomcatWebServer) this.context.getWebServer()).getTomcat();
		assertThat(tomcat.getService().findConnectors()).hasSize(2);
	}

	@Test
	void operatorIsAuthenticatedOnThePartnerPort() {
		HttpResponse<String> response = HttpsRequests.get(TestPki.client(TestPki.registered), partnerPort(), "/whoami");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"org_code\":\"A1AAER0000\"");
		assertThat(HttpsRequests.get(TestPki.client(TestPki.unregistered), partnerPort(), "/whoami").statusCode())
			.isEqualTo(401);
	}

	private HttpResponse<String> plainGet(String path) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.mainPort + path)).build(),
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
