package io.github.mtls.spring.source;

import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import io.github.mtls.spring.certificate.CertificateOrigin;
import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.header.CertificateHeaderDecoder;
import io.github.mtls.spring.header.DecodedHeader;
import io.github.mtls.spring.header.HeaderFormat;
import io.github.mtls.spring.test.pki.CertificateAuthority;
import io.github.mtls.spring.test.pki.IssuedCertificate;

import static org.assertj.core.api.Assertions.assertThat;

class ForwardedClientCertificateSourceTests {

	private static final CertificateAuthority ca = CertificateAuthority.root("Source Test CA");

	private static final CertificateAuthority intermediate = ca.intermediate("Source Test Intermediate");

	private static final IssuedCertificate client = intermediate.leaf("client").clientAuth().issue();

	private static final IssuedCertificate proxy = ca.leaf("proxy").clientAuth().issue();

	private static final String HEADER = "X-SSL-Client-Cert";

	private final ForwardedClientCertificateSource source = new ForwardedClientCertificateSource(
			new TrustedProxies(List.of("127.0.0.2"), Set.of()), HEADER, "X-SSL-Client-Chain",
			HeaderFormat.AUTO.decoder());

	@Test
	void resolveWhenTrustedProxySendsHeaderThenForwardedCertificate() {
		MockHttpServletRequest request = request("127.0.0.2");
		request.addHeader(HEADER, base64(client.certificate()));
		ClientCertificate resolved = this.source.resolve(request);
		assertThat(resolved.chain()).containsExactly(client.certificate());
		assertThat(resolved.origin()).isEqualTo(CertificateOrigin.FORWARDED);
		assertThat(resolved.consumedHeaders()).containsExactlyInAnyOrder(HEADER, "X-SSL-Client-Chain");
		assertThat(resolved.peer()).isEqualTo(ClientCertificate.Peer.TRUSTED_PROXY);
		assertThat(request.getAttributeNames().hasMoreElements()).isFalse();
	}

	@Test
	void resolveWhenTrustedProxySendsChainHeaderThenLeafThenIntermediates() {
		MockHttpServletRequest request = request("127.0.0.2");
		request.addHeader(HEADER, base64(client.certificate()));
		request.addHeader("X-SSL-Client-Chain", base64(intermediate.certificate()));
		assertThat(this.source.resolve(request).chain()).containsExactly(client.certificate(),
				intermediate.certificate());
	}

	@Test
	void resolveWhenTrustedProxySendsNoHeaderThenNoCertificateNotTheProxys() {
		MockHttpServletRequest request = request("127.0.0.2");
		request.setAttribute(DirectClientCertificateSource.CERTIFICATE_ATTRIBUTE,
				new X509Certificate[] { proxy.certificate() });
		ClientCertificate resolved = this.source.resolve(request);
		assertThat(resolved.isPresent()).isFalse();
		assertThat(resolved.isRefused()).isFalse();
		assertThat(resolved.consumedHeaders()).isEmpty();
	}

	@Test
	void resolveWhenTrustedProxySendsBlankHeaderThenNoCertificate() {
		MockHttpServletRequest request = request("127.0.0.2");
		request.addHeader(HEADER, "");
		assertThat(this.source.resolve(request).isPresent()).isFalse();
	}

	@Test
	void resolveWhenTrustedProxySendsChainWithoutLeafThenMalformed() {
		MockHttpServletRequest request = request("127.0.0.2");
		request.addHeader("X-SSL-Client-Chain", base64(intermediate.certificate()));
		assertReason(request, MtlsReason.MALFORMED_HEADER);
	}

	@Test
	void resolveWhenRfc9440ClientCertIsAListThenMalformed() {
		MockHttpServletRequest request = request("127.0.0.2");
		request.addHeader(HEADER, rfc9440(client.certificate()) + ", " + rfc9440(intermediate.certificate()));
		assertReason(request, MtlsReason.MALFORMED_HEADER);
	}

	@Test
	void resolveWhenRfc9440ChainHeaderIsAListThenLeafThenIntermediates() {
		MockHttpServletRequest request = request("127.0.0.2");
		request.addHeader(HEADER, rfc9440(client.certificate()));
		request.addHeader("X-SSL-Client-Chain", rfc9440(intermediate.certificate()) + ", " + rfc9440(ca.certificate()));
		assertThat(this.source.resolve(request).chain()).containsExactly(client.certificate(),
				intermediate.certificate(), ca.certificate());
	}

	@Test
	void resolveWhenClientAndChainHeadersTogetherCarryMoreThanTenCertificatesThenMalformed() {
		MockHttpServletRequest request = request("127.0.0.2");
		request.addHeader(HEADER, rfc9440(client.certificate()));
		request.addHeader("X-SSL-Client-Chain",
				String.join(", ", Collections.nCopies(10, rfc9440(intermediate.certificate()))));
		assertReason(request, MtlsReason.MALFORMED_HEADER);
	}

	@Test
	void resolveWhenClientAndChainHeadersTogetherCarryTenCertificatesThenAccepted() {
		MockHttpServletRequest request = request("127.0.0.2");
		request.addHeader(HEADER, rfc9440(client.certificate()));
		request.addHeader("X-SSL-Client-Chain",
				String.join(", ", Collections.nCopies(9, rfc9440(intermediate.certificate()))));
		assertThat(this.source.resolve(request).chain()).hasSize(10);
	}

	@Test
	void resolveWhenPemClientHeaderCarriesChainThenLeafThenIntermediates() {
		MockHttpServletRequest request = request("127.0.0.2");
		request.addHeader(HEADER, pem(client.certificate()) + pem(intermediate.certificate()));
		assertThat(this.source.resolve(request).chain()).containsExactly(client.certificate(),
				intermediate.certificate());
	}

	@Test
	void resolveWhenDecoderNamesRfc9440ForSeveralCertificatesThenMalformed() {
		// The format the decoder read the value as decides, not how the value looks.
		List<X509Certificate> two = List.of(client.certificate(), intermediate.certificate());
		MockHttpServletRequest request = request("127.0.0.2");
		request.addHeader(HEADER, "opaque");
		assertThat(sourceWith((value) -> DecodedHeader.of(HeaderFormat.RFC9440, two)).resolve(request).refusal())
			.isEqualTo(MtlsReason.MALFORMED_HEADER);
		assertThat(sourceWith((value) -> DecodedHeader.of(null, two)).resolve(request).chain())
			.containsExactlyElementsOf(two);
	}

	@Test
	void resolveWhenChainHeaderUnreadableThenMalformed() {
		MockHttpServletRequest request = request("127.0.0.2");
		request.addHeader(HEADER, base64(client.certificate()));
		request.addHeader("X-SSL-Client-Chain", "not a certificate");
		assertReason(request, MtlsReason.MALFORMED_HEADER);
	}

	@Test
	void resolveWhenDecoderRefusesThenItsReason() {
		MockHttpServletRequest request = request("127.0.0.2");
		request.addHeader(HEADER, "anything");
		ClientCertificate resolved = sourceWith(
				(value) -> new DecodedHeader(List.of(), null, MtlsReason.CERTIFICATE_UNREADABLE))
			.resolve(request);
		assertThat(resolved.refusal()).isEqualTo(MtlsReason.CERTIFICATE_UNREADABLE);
		assertThat(resolved.consumedHeaders()).contains(HEADER);
	}

	@Test
	void resolveWhenHeaderTwiceThenDuplicate() {
		MockHttpServletRequest request = request("127.0.0.2");
		request.addHeader(HEADER, base64(client.certificate()));
		request.addHeader(HEADER, base64(client.certificate()));
		assertReason(request, MtlsReason.DUPLICATE_HEADER);
	}

	@Test
	void resolveWhenChainHeaderTwiceThenDuplicate() {
		MockHttpServletRequest request = request("127.0.0.2");
		request.addHeader(HEADER, base64(client.certificate()));
		request.addHeader("X-SSL-Client-Chain", base64(intermediate.certificate()));
		request.addHeader("X-SSL-Client-Chain", base64(intermediate.certificate()));
		assertReason(request, MtlsReason.DUPLICATE_HEADER);
	}

	@Test
	void resolveWhenHeaderOverMaxBytesThenOversized() {
		this.source.setMaxHeaderBytes(100);
		MockHttpServletRequest request = request("127.0.0.2");
		request.addHeader(HEADER, base64(client.certificate()));
		assertReason(request, MtlsReason.OVERSIZED_HEADER);
	}

	@Test
	void resolveWhenHeaderUnreadableThenMalformed() {
		MockHttpServletRequest request = request("127.0.0.2");
		request.addHeader(HEADER, "not a certificate");
		assertReason(request, MtlsReason.MALFORMED_HEADER);
	}

	@Test
	void resolveWhenUntrustedPeerSendsHeaderThenRejected() {
		MockHttpServletRequest request = request("127.0.0.1");
		request.addHeader(HEADER, base64(client.certificate()));
		assertReason(request, MtlsReason.UNTRUSTED_HEADER);
	}

	@Test
	void resolveWhenUntrustedPeerSendsOnlyChainHeaderThenRejected() {
		MockHttpServletRequest request = request("127.0.0.1");
		request.addHeader("x-ssl-client-chain", "anything");
		assertReason(request, MtlsReason.UNTRUSTED_HEADER);
	}

	@Test
	void resolveWhenUntrustedPeerSendsHeaderAndIgnoredThenDirectChain() {
		this.source.setUntrustedHeaderPolicy(UntrustedHeaderPolicy.IGNORE);
		MockHttpServletRequest request = request("127.0.0.1");
		request.addHeader(HEADER, base64(client.certificate()));
		request.setAttribute(DirectClientCertificateSource.CERTIFICATE_ATTRIBUTE,
				new X509Certificate[] { proxy.certificate() });
		ClientCertificate resolved = this.source.resolve(request);
		assertThat(resolved.chain()).containsExactly(proxy.certificate());
		assertThat(resolved.origin()).isEqualTo(CertificateOrigin.DIRECT);
		assertThat(resolved.peer()).isEqualTo(ClientCertificate.Peer.NOT_TRUSTED_PROXY);
		// Ignored, and still hidden from the application.
		assertThat(resolved.consumedHeaders()).containsExactlyInAnyOrder(HEADER, "X-SSL-Client-Chain");
	}

	@Test
	void resolveWhenUntrustedPeerWithoutHeaderThenDirectChain() {
		MockHttpServletRequest request = request("127.0.0.1");
		request.setAttribute(DirectClientCertificateSource.CERTIFICATE_ATTRIBUTE,
				new X509Certificate[] { client.certificate() });
		assertThat(this.source.resolve(request).chain()).containsExactly(client.certificate());
	}

	@Test
	void resolveWhenForwardedOnlyAndUntrustedPeerThenNoCertificate() {
		this.source.setForwardedOnly(true);
		MockHttpServletRequest request = request("127.0.0.1");
		request.setAttribute(DirectClientCertificateSource.CERTIFICATE_ATTRIBUTE,
				new X509Certificate[] { client.certificate() });
		assertThat(this.source.resolve(request).isPresent()).isFalse();
	}

	@Test
	void resolveWhenNoTrustedProxiesThenHeaderNeverBelieved() {
		ForwardedClientCertificateSource source = new ForwardedClientCertificateSource(TrustedProxies.none(), HEADER,
				null, HeaderFormat.DER_BASE64.decoder());
		MockHttpServletRequest request = request("127.0.0.2");
		request.addHeader(HEADER, base64(client.certificate()));
		assertThat(source.resolve(request).refusal()).isEqualTo(MtlsReason.UNTRUSTED_HEADER);
	}

	private void assertReason(MockHttpServletRequest request, MtlsReason reason) {
		ClientCertificate resolved = this.source.resolve(request);
		assertThat(resolved.refusal()).isEqualTo(reason);
		assertThat(resolved.chain()).isEmpty();
	}

	private static ForwardedClientCertificateSource sourceWith(CertificateHeaderDecoder decoder) {
		return new ForwardedClientCertificateSource(new TrustedProxies(List.of("127.0.0.2"), Set.of()), HEADER,
				"X-SSL-Client-Chain", decoder);
	}

	private static MockHttpServletRequest request(String peer) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr(peer);
		return request;
	}

	private static String rfc9440(X509Certificate certificate) {
		return ":" + base64(certificate) + ":";
	}

	private static String pem(X509Certificate certificate) {
		return "-----BEGIN CERTIFICATE-----\n" + base64(certificate) + "\n-----END CERTIFICATE-----\n";
	}

	private static String base64(X509Certificate certificate) {
		try {
			return Base64.getEncoder().encodeToString(certificate.getEncoded());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
