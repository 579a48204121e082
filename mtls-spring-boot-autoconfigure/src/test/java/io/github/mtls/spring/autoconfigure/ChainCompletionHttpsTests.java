package io.github.mtls.spring.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.mtls.spring.test.pki.CertificateAuthority;
import io.github.mtls.spring.test.pki.IssuedCertificate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real HTTPS after a CA rollover: the operators' CA has an old and a new intermediate
 * with one subject name and different keys, both in {@code intermediates-bundle}, the old
 * one first. The test plays a trusted proxy (127.0.0.2, the proxy's own client
 * certificate) that forwards the caller's leaf alone, without its chain, so the starter
 * must complete the chain from the bundle.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ChainCompletionHttpsTests {

	private static final String PROXY = "127.0.0.2";

	private static final CertificateAuthority root = CertificateAuthority.root("MyData Rollover CA");

	private static final CertificateAuthority oldIssuing = root.intermediate("MyData Issuing CA");

	private static final CertificateAuthority newIssuing = root.intermediate("MyData Issuing CA");

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		Path directory = writePems();
		Properties.register(registry, TestPki.serverSsl("client-and-proxy-ca.p12"));
		Properties.register(registry, TestApplication.OPERATORS);
		registry.add("mtls.client-auth", () -> "want");
		registry.add("mtls.trust-bundle", () -> "rollover-ca");
		registry.add("spring.ssl.bundle.pem.rollover-ca.truststore.certificate",
				() -> "file:" + directory.resolve("root.pem"));
		registry.add("mtls.validation.intermediates-bundle", () -> "rollover-intermediates");
		registry.add("spring.ssl.bundle.pem.rollover-intermediates.truststore.certificate",
				() -> "file:" + directory.resolve("intermediates.pem"));
		registry.add("mtls.forwarded.trusted-proxies", () -> "127.0.0.2/32");
	}

	@Test
	void getWhenForwardedLeafOfTheNewIntermediateComesWithoutChainThenOk() {
		IssuedCertificate leaf = newIssuing.leaf("Example Fintech").serialNumber("2208112345").clientAuth().issue();
		RawHttps.Response response = RawHttps.get(PROXY, this.port, TestPki.proxy, "/whoami",
				ForwardedHttpsTests.header(leaf));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("A1AAER0000");
	}

	@Test
	void getWhenForwardedLeafOfTheOldIntermediateComesWithoutChainThenOk() {
		IssuedCertificate leaf = oldIssuing.leaf("Example Fintech").serialNumber("2208112345").clientAuth().issue();
		RawHttps.Response response = RawHttps.get(PROXY, this.port, TestPki.proxy, "/whoami",
				ForwardedHttpsTests.header(leaf));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("A1AAER0000");
	}

	@Test
	void getWhenForwardedLeafNamesTheIssuerButNoListedIntermediateSignedItThenUntrusted() {
		CertificateAuthority unlisted = root.intermediate("MyData Issuing CA");
		IssuedCertificate leaf = unlisted.leaf("Example Fintech").serialNumber("2208112345").clientAuth().issue();
		RawHttps.Response response = RawHttps.get(PROXY, this.port, TestPki.proxy, "/whoami",
				ForwardedHttpsTests.header(leaf));
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.body()).contains("\"rsp_code\":\"40101\"").contains("not issued by a trusted CA");
	}

	private static Path writePems() {
		try {
			Path directory = Files.createTempDirectory("mtls-rollover-pki");
			directory.toFile().deleteOnExit();
			Files.writeString(directory.resolve("root.pem"), root.issued().certificatePem());
			// The old intermediate first: the order that picked the wrong issuer.
			Files.writeString(directory.resolve("intermediates.pem"),
					oldIssuing.issued().certificatePem() + newIssuing.issued().certificatePem());
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
