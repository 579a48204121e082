package io.github.mtls.spring.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Address ranges over real HTTPS (DESIGN D11): a range matches addresses of its own
 * family only, so {@code 7f00::/8}, whose leading byte is 127's, neither trusts the IPv4
 * peers 127.0.0.x as proxies nor allows them as callers; client addresses that carry a
 * port or RFC 7239 quotes are read without them, and one that does not parse stops the
 * walk at the proxy, never a 500.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class AddressFamilyHttpsTests {

	private static final String PROXY = "127.0.0.2";

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		Properties.register(registry, TestPki.serverSsl("client-and-proxy-ca.p12"));
		Properties.register(registry, TestApplication.OPERATORS);
		Properties.register(registry, "mtls.client-auth=want", "mtls.trust-bundle=mydata-ca",
				"spring.ssl.bundle.pem.mydata-ca.truststore.certificate=" + TestPki.file("client-ca.pem"),
				"mtls.forwarded.trusted-proxies=127.0.0.2/32,7f00::/8",
				"mtls.mydata.operators[0].ip-allowlist=203.0.113.0/24,2001:db8::/32",
				"mtls.mydata.operators[1].ip-allowlist=7f00::/8");
	}

	@Test
	void forwardedCertificateWhenPeerIsIpv4AndOnlyAnIpv6RangeSharesItsBytesThenNotBelieved() {
		RawHttps.Response response = RawHttps.get("127.0.0.3", this.port, TestPki.proxy, "/whoami",
				ForwardedHttpsTests.header(TestPki.registered), "X-Forwarded-For: 203.0.113.7");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).contains("\"rsp_code\":\"40002\"");
	}

	@Test
	void forwardedCertificateWhenCallerIsIpv4AndTheAllowlistIsIpv6ThenRefusedWith40102() {
		RawHttps.Response response = RawHttps.get(PROXY, this.port, TestPki.proxy, "/whoami",
				ForwardedHttpsTests.header(TestPki.bankOnly), "X-Forwarded-For: 127.0.0.9");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.body()).contains("\"rsp_code\":\"40102\"");
	}

	@Test
	void forwardedCertificateWhenClientAddressCarriesAPortOrQuotesThenMatchedWithoutThem() {
		for (String forwardedFor : new String[] { "203.0.113.7:4431", "198.51.100.1, 203.0.113.7:4431",
				"[2001:db8::1]:443", "\"[2001:db8::1]:443\"", "\"203.0.113.7\"", "::ffff:203.0.113.7" }) {
			RawHttps.Response response = RawHttps.get(PROXY, this.port, TestPki.proxy, "/whoami",
					ForwardedHttpsTests.header(TestPki.registered), "X-Forwarded-For: " + forwardedFor);
			assertThat(response.status()).as(forwardedFor).isEqualTo(200);
		}
	}

	@Test
	void forwardedCertificateWhenClientAddressDoesNotParseThenTheProxyAddressCountsAndNoServerError() {
		for (String forwardedFor : new String[] { "1:2:3", "::::", "203.0.113.7, 1:2:3", "[2001:db8::1]:99999",
				"unknown" }) {
			RawHttps.Response response = RawHttps.get(PROXY, this.port, TestPki.proxy, "/whoami",
					ForwardedHttpsTests.header(TestPki.registered), "X-Forwarded-For: " + forwardedFor);
			assertThat(response.status()).as(forwardedFor).isEqualTo(401);
			assertThat(response.body()).as(forwardedFor).contains("\"rsp_code\":\"40102\"");
		}
	}

}
