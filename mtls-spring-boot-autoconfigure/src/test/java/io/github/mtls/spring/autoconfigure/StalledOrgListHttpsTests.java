package io.github.mtls.spring.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.mtls.spring.mydata.orglist.OrgListRefresher;
import io.github.mtls.spring.test.pki.IssuedCertificate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real HTTPS with an org list read from a portal over HTTPS that sends the response head
 * and half the body, then stalls (Hardening item 8): the application starts anyway,
 * inline operators call, operators known only from the org list are refused as
 * unregistered (401, never a 5xx), and {@code mtlsRegistry} health is {@code DOWN} until
 * a later refresh gets the whole document.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class StalledOrgListHttpsTests {

	private static final String ORG_LIST = """
			{"rsp_code":"00000","rsp_msg":"success","search_timestamp":"20261101090000","org_cnt":1,
			 "org_list":[
			  {"org_code":"N1NEWW0000","org_type":"03","org_name":"New Fintech","serial_num":"5558112345",
			   "industry":"invest"}]}
			""";

	private static final String NOT_REGISTERED = "{\"rsp_code\":\"40103\",\"rsp_msg\":\"operator is not registered\"}";

	private static final StallingOrgListPortal portal = new StallingOrgListPortal(ORG_LIST);

	private static final IssuedCertificate orgListOnly = TestPki.clientCa.leaf("New Fintech")
		.serialNumber("5558112345")
		.clientAuth()
		.issue();

	@LocalServerPort
	int port;

	@Autowired
	OrgListRefresher refresher;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		Properties.register(registry, TestPki.serverSsl("client-ca.p12"));
		Properties.register(registry, TestApplication.OPERATORS);
		Properties.register(registry, "mtls.client-auth=want", "mtls.access-rules[3].path=/actuator/health/**",
				"mtls.access-rules[3].permit-all=true", "management.endpoint.health.show-details=always",
				"mtls.mydata.registry.location=" + portal.uri(), "mtls.mydata.registry.timeout=5s",
				"mtls.mydata.registry.ssl-bundle=portal",
				"spring.ssl.bundle.pem.portal.keystore.certificate="
						+ write("portal-client.crt", TestPki.registered.chainPem()),
				"spring.ssl.bundle.pem.portal.keystore.private-key="
						+ write("portal-client.key", TestPki.registered.privateKeyPem()),
				"spring.ssl.bundle.pem.portal.truststore.certificate="
						+ write("portal-server-ca.crt", TestPki.serverCa.issued().certificatePem()));
	}

	@AfterAll
	static void stopPortal() {
		portal.close();
	}

	@Test
	void getWhenOrgListStalledMidBodyAtStartupThenInlineOperatorsOnlyAndHealthDownUntilARefreshLoadsIt() {
		// the application is up while the portal still holds the first answer half-sent:
		// startup did not wait for the portal to end the stall (the timeout is long
		// enough
		// for the response head to arrive, so the stall is mid-body)
		assertThat(portal.requests()).isOne();
		assertThat(portal.stallsGivenUp()).as("stalls the portal had to end before the application started").isZero();
		assertThat(get(TestPki.registered, "/whoami").statusCode()).isEqualTo(200);
		HttpResponse<String> refused = get(orgListOnly, "/whoami");
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.body()).isEqualTo(NOT_REGISTERED);
		assertThat(health()).contains("\"status\":\"DOWN\"").contains("lastFailure");
		// the portal recovers: the next refresh loads the list and its operator may call
		portal.answerInFull();
		this.refresher.getRegistry().refresh();
		assertThat(get(orgListOnly, "/whoami").statusCode()).isEqualTo(200);
		assertThat(health()).contains("\"status\":\"UP\"");
		assertThat(portal.stallsGivenUp()).isZero();
	}

	private String health() {
		return HttpsRequests.get(TestPki.clientWithoutCertificate(), this.port, "/actuator/health/mtlsRegistry").body();
	}

	private HttpResponse<String> get(IssuedCertificate certificate, String path) {
		return HttpsRequests.get(TestPki.client(certificate), this.port, path);
	}

	private static String write(String name, String pem) {
		try {
			return "file:" + Files.writeString(TestPki.directory.resolve(name), pem);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
