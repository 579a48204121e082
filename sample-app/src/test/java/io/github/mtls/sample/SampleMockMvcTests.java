package io.github.mtls.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import io.github.mtls.spring.test.pki.CertificateAuthority;
import io.github.mtls.spring.test.pki.IssuedCertificate;

import static io.github.mtls.spring.test.web.MtlsRequestPostProcessors.operator;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The sample's API through MockMvc, as each kind of operator, with certificates minted by
 * {@code mtls-spring-boot-test} and presented by {@code MtlsRequestPostProcessors}: what
 * an information provider's own tests look like. No TLS server runs; the starter
 * validates the presented chain against a test CA given as {@code mtls.trust-bundle}.
 */
@SpringBootTest(properties = { "sample.dev-pki.enabled=false", "mtls.trust-bundle=test-ca" })
@AutoConfigureMockMvc
class SampleMockMvcTests {

	static final CertificateAuthority ca = CertificateAuthority.root("Sample Test CA");

	static final IssuedCertificate fintech = ca.leaf("Example Fintech").serialNumber("2208112345").clientAuth().issue();

	static final IssuedCertificate bankOnly = ca.leaf("Example Bank Data")
		.serialNumber("420-81-67890")
		.clientAuth()
		.issue();

	static final IssuedCertificate suspended = ca.leaf("Suspended Fintech")
		.serialNumber("3108154321")
		.clientAuth()
		.issue();

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void trust(DynamicPropertyRegistry registry) {
		registry.add("spring.ssl.bundle.pem.test-ca.truststore.certificate", () -> "file:" + caFile());
	}

	private static Path caFile() {
		try {
			Path file = Files.createTempFile("sample-test-ca", ".pem");
			file.toFile().deleteOnExit();
			return Files.writeString(file, ca.issued().certificatePem());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void whoamiWhenOperatorThenReturnsPrincipal() throws Exception {
		this.mvc.perform(get("/whoami").with(operator(fintech)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.org_code").value("A1AAER0000"))
			.andExpect(jsonPath("$.fingerprint").value(fintech.sha256Fingerprint()));
	}

	@Test
	void cardsWhenBankOnlyOperatorThenRefusedWith40104() throws Exception {
		this.mvc.perform(get("/v2/card/cards").with(operator(bankOnly)))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.rsp_code").value("40104"));
	}

	@Test
	void bankAccountsWhenSuspendedThenForbiddenWith40302() throws Exception {
		this.mvc.perform(get("/v2/bank/accounts").with(operator(suspended)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.rsp_code").value("40302"));
	}

	@Test
	void bankAccountsWhenTranIdSentThenEchoed() throws Exception {
		this.mvc.perform(get("/v2/bank/accounts").with(operator(bankOnly).tranId("C1CCBK0000S000000001")))
			.andExpect(status().isOk())
			.andExpect(header().string("x-api-tran-id", "C1CCBK0000S000000001"));
	}

}
