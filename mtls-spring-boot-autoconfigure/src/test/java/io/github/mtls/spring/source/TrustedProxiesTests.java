package io.github.mtls.spring.source;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import io.github.mtls.spring.certificate.Sha256Fingerprint;
import io.github.mtls.spring.test.pki.CertificateAuthority;
import io.github.mtls.spring.test.pki.IssuedCertificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TrustedProxiesTests {

	private static final CertificateAuthority proxyCa = CertificateAuthority.root("Proxy CA");

	private static final IssuedCertificate proxy = proxyCa.leaf("proxy").clientAuth().issue();

	private static final IssuedCertificate otherProxy = proxyCa.leaf("other proxy").clientAuth().issue();

	@Test
	void isTrustedWhenNothingConfiguredThenNoOne() {
		assertThat(TrustedProxies.none().isTrusted(request("127.0.0.1", null))).isFalse();
		assertThat(new TrustedProxies(List.of(), Set.of()).isConfigured()).isFalse();
	}

	@Test
	void isTrustedWhenPeerInCidrThenTrusted() {
		TrustedProxies proxies = new TrustedProxies(List.of("10.1.2.0/28", "2001:db8::/32"), Set.of());
		assertThat(proxies.isTrusted(request("10.1.2.5", null))).isTrue();
		assertThat(proxies.isTrusted(request("10.1.2.16", null))).isFalse();
		assertThat(proxies.isTrusted(request("2001:db8:0:0:0:0:0:1", null))).isTrue();
		assertThat(proxies.isTrusted(request("2001:db9:0:0:0:0:0:1", null))).isFalse();
	}

	@Test
	void isTrustedWhenPeerAddressAttributeSetThenItWinsOverRemoteAddr() {
		TrustedProxies proxies = new TrustedProxies(List.of("127.0.0.2"), Set.of());
		MockHttpServletRequest request = request("127.0.0.2", null);
		request.setAttribute(PeerAddress.ATTRIBUTE, "127.0.0.1");
		assertThat(proxies.isTrusted(request)).isFalse();
	}

	@Test
	void isTrustedWhenAddressAndCertificateConfiguredThenBothMustMatch() {
		TrustedProxies proxies = new TrustedProxies(List.of("127.0.0.2/32"),
				Set.of(Sha256Fingerprint.of(proxy.certificate())));
		assertThat(proxies.isTrusted(request("127.0.0.2", proxy.certificate()))).isTrue();
		assertThat(proxies.isTrusted(request("127.0.0.2", otherProxy.certificate()))).isFalse();
		assertThat(proxies.isTrusted(request("127.0.0.2", null))).isFalse();
		assertThat(proxies.isTrusted(request("127.0.0.3", proxy.certificate()))).isFalse();
	}

	@Test
	void isTrustedWhenOnlyCertificateConfiguredThenAnyAddressWithThatCertificate() {
		TrustedProxies proxies = new TrustedProxies(List.of(), Set.of(Sha256Fingerprint.of(proxy.certificate())));
		MockHttpServletRequest request = request("192.0.2.1", proxy.certificate());
		assertThat(proxies.isTrusted(request)).isTrue();
		assertThat(proxies.trustedProxyChain(request)).containsExactly(proxy.certificate());
		// The decision travels in the source's result; nothing is cached in the request.
		assertThat(request.getAttributeNames().nextElement())
			.isEqualTo(DirectClientCertificateSource.CERTIFICATE_ATTRIBUTE);
	}

	@Test
	void isTrustedWhenCertificateNotPinnedThenProxyChainNotKept() {
		TrustedProxies proxies = new TrustedProxies(List.of(), Set.of(Sha256Fingerprint.of(proxy.certificate())));
		MockHttpServletRequest request = request("192.0.2.1", otherProxy.certificate());
		assertThat(proxies.isTrusted(request)).isFalse();
		assertThat(proxies.trustedProxyChain(request)).isNull();
	}

	@Test
	void isTrustedWhenOnlyAddressesConfiguredThenCertificateAttributeNeverRead() {
		TrustedProxies proxies = new TrustedProxies(List.of("127.0.0.2"), Set.of());
		MockHttpServletRequest request = new MockHttpServletRequest() {

			@Override
			public Object getAttribute(String name) {
				assertThat(name).isNotEqualTo(DirectClientCertificateSource.CERTIFICATE_ATTRIBUTE);
				return super.getAttribute(name);
			}

		};
		request.setRemoteAddr("127.0.0.2");
		assertThat(proxies.isTrusted(request)).isTrue();
		assertThat(proxies.trustedProxyChain(request)).isEmpty();
	}

	@Test
	void isTrustedAddressWhenHostNameThenFalseWithoutLookup() {
		TrustedProxies proxies = new TrustedProxies(List.of("127.0.0.0/8"), Set.of());
		assertThat(proxies.isTrustedAddress("localhost")).isFalse();
		assertThat(proxies.isTrustedAddress("127.0.0.1")).isTrue();
	}

	@Test
	void isTrustedWhenRangeOfTheOtherFamilyThenPeerNotTrustedWhateverItsBytes() {
		// 32.1.13.184 is 0x20010db8, the leading bytes of 2001:db8::/32
		TrustedProxies ipv6 = new TrustedProxies(List.of("2001:db8::/32"), Set.of());
		assertThat(ipv6.isTrusted(request("32.1.13.184", null))).isFalse();
		assertThat(ipv6.isTrusted(request("2001:db8::7", null))).isTrue();
		TrustedProxies ipv4 = new TrustedProxies(List.of("10.0.0.0/8"), Set.of());
		assertThat(ipv4.isTrusted(request("a00::1", null))).isFalse();
		assertThat(ipv4.isTrusted(request("0:0:0:0:0:ffff:a00:1", null))).isTrue();
	}

	@Test
	void isTrustedAddressWhenLiteralDoesNotParseThenFalseWithoutException() {
		TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8", "2001:db8::/32"), Set.of());
		for (String address : List.of("1:2:3", "::::", "198.51.100.7:4431", "10.0.0.1:80", "[2001:db8::1]")) {
			assertThat(proxies.isTrustedAddress(address)).as(address).isFalse();
		}
	}

	@Test
	void createWhenNotAnAddressThenIllegalArgument() {
		for (String address : List.of("proxy.example.com", "10.0.0.0/33", "10.0.0", "", "10.0.0.0/x", "::g")) {
			assertThatIllegalArgumentException().as(address)
				.isThrownBy(() -> new TrustedProxies(List.of(address), Set.of()));
		}
	}

	static MockHttpServletRequest request(String peer, X509Certificate certificate) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr(peer);
		if (certificate != null) {
			request.setAttribute(DirectClientCertificateSource.CERTIFICATE_ATTRIBUTE,
					new X509Certificate[] { certificate });
		}
		return request;
	}

}
