package io.github.mtls.spring.autoconfigure;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.observability.MtlsMetricsListener;
import io.github.mtls.spring.security.MtlsAuthenticationToken;
import io.github.mtls.spring.source.ClientCertificate;
import io.github.mtls.spring.source.ClientCertificateSource;
import io.github.mtls.spring.source.DirectClientCertificateSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A custom {@link ClientCertificateSource} over real HTTPS that reads a header of its own
 * and returns a forwarded {@link ClientCertificate}, setting no request attribute: the
 * chain is treated as forwarded all the way (origin of the authentication and its meter,
 * the servlet certificate attribute, the header hidden), and its refusal answers as the
 * starter's own would.
 */
@SpringBootTest(classes = { TestApplication.class, CustomSourceHttpsTests.CustomSource.class,
		CustomSourceHttpsTests.InspectController.class }, webEnvironment = WebEnvironment.RANDOM_PORT)
class CustomSourceHttpsTests {

	static final String HEADER = "X-Custom-Client-Cert";

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		Properties.register(registry, TestPki.serverSsl("client-ca.p12"));
		Properties.register(registry, TestApplication.OPERATORS);
		registry.add("mtls.client-auth", () -> "want");
	}

	@Test
	void getWhenCustomSourceReturnsForwardedThenAuthenticatedAsForwardedWithoutAnyAttribute() {
		double forwarded = this.meters.get(MtlsMetricsListener.AUTHENTICATED)
			.tag("origin", "forwarded")
			.tag("connector", "main")
			.counter()
			.count();
		RawHttps.Response response = RawHttps.get("127.0.0.1", this.port, null, "/custom/inspect",
				HEADER + ": " + base64(TestPki.registered.certificate()));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("\"org_code\":\"A1AAER0000\"")
			.contains("\"origin\":\"FORWARDED\"")
			.contains("\"servlet_certificate\":\"caller\"")
			.contains("\"header\":\"hidden\"");
		assertThat(this.meters.get(MtlsMetricsListener.AUTHENTICATED)
			.tag("origin", "forwarded")
			.tag("connector", "main")
			.counter()
			.count()).isEqualTo(forwarded + 1);
	}

	@Test
	void getWhenCustomSourceRefusesThenAnsweredWithTheReasonsStatusAndCode() {
		RawHttps.Response response = RawHttps.get("127.0.0.1", this.port, null, "/custom/inspect", HEADER + ": refuse");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).contains("\"rsp_code\":\"40002\"");
	}

	private static String base64(X509Certificate certificate) {
		try {
			return Base64.getEncoder().encodeToString(certificate.getEncoded());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomSource {

		@Bean
		ClientCertificateSource customClientCertificateSource() {
			return (request) -> {
				String value = request.getHeader(HEADER);
				if (value == null) {
					return ClientCertificate.absent();
				}
				try {
					X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
						.generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(value)));
					return ClientCertificate.forwarded(List.of(certificate), Set.of(HEADER));
				}
				catch (Exception ex) {
					return ClientCertificate.refused(MtlsReason.MALFORMED_HEADER);
				}
			};
		}

	}

	@RestController
	static class InspectController {

		@GetMapping("/custom/inspect")
		Map<String, Object> inspect(Authentication authentication, HttpServletRequest request) {
			MtlsAuthenticationToken token = (MtlsAuthenticationToken) authentication;
			X509Certificate[] chain = (X509Certificate[]) request
				.getAttribute(DirectClientCertificateSource.CERTIFICATE_ATTRIBUTE);
			return Map.of("org_code", token.getName(), "origin", token.getOrigin().name(), "servlet_certificate",
					(chain != null && chain[0].equals(token.getCredentials())) ? "caller" : "absent", "header",
					(request.getHeader(HEADER) != null) ? "visible" : "hidden");
		}

	}

}
