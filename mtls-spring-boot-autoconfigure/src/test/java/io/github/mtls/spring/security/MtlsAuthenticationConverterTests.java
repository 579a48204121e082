package io.github.mtls.spring.security;

import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.Authentication;

import io.github.mtls.spring.certificate.CertificateOrigin;
import io.github.mtls.spring.error.MtlsAuthenticationException;
import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.header.HeaderFormat;
import io.github.mtls.spring.source.ClientCertificate;
import io.github.mtls.spring.source.DirectClientCertificateSource;
import io.github.mtls.spring.source.ForwardedClientCertificateSource;
import io.github.mtls.spring.source.TrustedProxies;
import io.github.mtls.spring.source.TrustedProxyClientAddressResolver;
import io.github.mtls.spring.test.pki.CertificateAuthority;
import io.github.mtls.spring.test.pki.IssuedCertificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MtlsAuthenticationConverterTests {

	private static final IssuedCertificate operator = CertificateAuthority.root("Converter Test CA")
		.leaf("op")
		.clientAuth()
		.issue();

	private final MtlsAuthenticationConverter converter = new MtlsAuthenticationConverter(
			new DirectClientCertificateSource());

	@Test
	void convertWhenCertificateThenDetailsCarryTheResolvedAddressNotTheRawHeaderAndNoAttributeIsSet() {
		this.converter.setClientAddressResolver(new TrustedProxyClientAddressResolver(
				new TrustedProxies(List.of("10.0.0.5"), Set.of()), "X-Forwarded-For"));
		MockHttpServletRequest request = request("10.0.0.5");
		// The caller wrote the first entry itself; the trusted proxy appended the second.
		request.addHeader("X-Forwarded-For", "198.51.100.99, 203.0.113.7");
		Authentication token = this.converter.convert(request);
		assertThat(token).isNotNull();
		assertThat(token.getDetails()).isInstanceOfSatisfying(MtlsRequestDetails.class,
				(details) -> assertThat(details.clientAddress()).isEqualTo("203.0.113.7"));
		assertThat(Collections.list(request.getAttributeNames()))
			.containsExactly(DirectClientCertificateSource.CERTIFICATE_ATTRIBUTE);
	}

	@Test
	void convertWhenAbsentThenNothingAndNoAttribute() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x");
		assertThat(this.converter.convert(request)).isNull();
		assertThat(request.getAttributeNames().hasMoreElements()).isFalse();
	}

	@Test
	void convertWhenPresentThenUnauthenticatedDirectTokenOfTheChain() {
		Authentication authentication = this.converter.convert(request("192.0.2.1"));
		assertThat(authentication).isInstanceOfSatisfying(MtlsAuthenticationToken.class, (token) -> {
			assertThat(token.isAuthenticated()).isFalse();
			assertThat(token.getChain()).containsExactly(operator.certificate());
			assertThat(token.getOrigin()).isEqualTo(CertificateOrigin.DIRECT);
			assertThat(token.getConsumedHeaders()).isEmpty();
			assertThat(((MtlsRequestDetails) token.getDetails()).clientAddress()).isEqualTo("192.0.2.1");
		});
	}

	@Test
	void convertWhenRefusedThenAuthenticationExceptionWithTheSourcesReason() {
		MtlsAuthenticationConverter converter = new MtlsAuthenticationConverter(
				(request) -> ClientCertificate.refused(MtlsReason.DUPLICATE_HEADER));
		assertThatExceptionOfType(MtlsAuthenticationException.class)
			.isThrownBy(() -> converter.convert(new MockHttpServletRequest()))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(MtlsReason.DUPLICATE_HEADER));
	}

	@Test
	void convertWhenCustomSourceReturnsForwardedThenTokenIsForwardedWithItsHeadersWithoutAnyAttribute() {
		MtlsAuthenticationConverter converter = new MtlsAuthenticationConverter(
				(request) -> ClientCertificate.forwarded(List.of(operator.certificate()), Set.of("X-Client-Cert")));
		MockHttpServletRequest request = new MockHttpServletRequest();
		MtlsAuthenticationToken token = (MtlsAuthenticationToken) converter.convert(request);
		assertThat(token).isNotNull();
		assertThat(token.getOrigin()).isEqualTo(CertificateOrigin.FORWARDED);
		assertThat(token.getConsumedHeaders()).containsExactly("X-Client-Cert");
		assertThat(request.getAttributeNames().hasMoreElements()).isFalse();
	}

	@Test
	void convertWhenSourceKnowsTheClientAddressThenItIsTakenAndTheResolverNotAsked() {
		MtlsAuthenticationConverter converter = new MtlsAuthenticationConverter(
				(request) -> ClientCertificate.direct(List.of(operator.certificate()))
					.withClientAddress("198.51.100.7"));
		converter.setClientAddressResolver((request) -> {
			throw new AssertionError("not asked");
		});
		Authentication token = converter.convert(request("10.0.0.5"));
		assertThat(((MtlsRequestDetails) token.getDetails()).clientAddress()).isEqualTo("198.51.100.7");
	}

	@Test
	void convertWhenForwardedByTrustedProxyThenPeerIsCheckedOnceForSourceAndAddress() {
		AtomicInteger peerChecks = new AtomicInteger();
		TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.5"), Set.of());
		ForwardedClientCertificateSource source = new ForwardedClientCertificateSource(proxies, "X-Client-Cert", null,
				HeaderFormat.DER_BASE64.decoder());
		MtlsAuthenticationConverter converter = new MtlsAuthenticationConverter(source);
		converter.setClientAddressResolver(new TrustedProxyClientAddressResolver(proxies, "X-Forwarded-For"));
		MockHttpServletRequest request = new MockHttpServletRequest() {

			@Override
			public String getRemoteAddr() {
				peerChecks.incrementAndGet();
				return super.getRemoteAddr();
			}

		};
		request.setRemoteAddr("10.0.0.5");
		request.addHeader("X-Client-Cert", base64(operator.certificate()));
		request.addHeader("X-Forwarded-For", "203.0.113.7");
		MtlsAuthenticationToken token = (MtlsAuthenticationToken) converter.convert(request);
		assertThat(token.getOrigin()).isEqualTo(CertificateOrigin.FORWARDED);
		assertThat(((MtlsRequestDetails) token.getDetails()).clientAddress()).isEqualTo("203.0.113.7");
		// Once for the trust decision, once for the peer the walk falls back to.
		assertThat(peerChecks).hasValueLessThanOrEqualTo(2);
		assertThat(request.getAttributeNames().hasMoreElements()).isFalse();
	}

	@Test
	void customClientAddressResolverWrittenForTheRequestOnlyKeepsWorking() {
		this.converter.setClientAddressResolver((request) -> "198.51.100.1");
		Authentication token = this.converter.convert(request("10.0.0.5"));
		assertThat(((MtlsRequestDetails) token.getDetails()).clientAddress()).isEqualTo("198.51.100.1");
	}

	private static MockHttpServletRequest request(String peer) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x");
		request.setRemoteAddr(peer);
		request.setAttribute(DirectClientCertificateSource.CERTIFICATE_ATTRIBUTE,
				new X509Certificate[] { operator.certificate() });
		return request;
	}

	private static String base64(X509Certificate certificate) {
		try {
			return java.util.Base64.getEncoder().encodeToString(certificate.getEncoded());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
