package io.github.mtls.spring.source;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.mtls.spring.certificate.CertificateOrigin;
import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.test.pki.CertificateAuthority;
import io.github.mtls.spring.test.pki.IssuedCertificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientCertificateTests {

	private static final CertificateAuthority ca = CertificateAuthority.root("Value Test CA");

	private static final IssuedCertificate client = ca.leaf("client").clientAuth().issue();

	private static final IssuedCertificate proxy = ca.leaf("proxy").clientAuth().issue();

	@Test
	void absentIsNeitherPresentNorRefusedAndNamesNothing() {
		ClientCertificate absent = ClientCertificate.absent();
		assertThat(absent.isPresent()).isFalse();
		assertThat(absent.isRefused()).isFalse();
		assertThat(absent.consumedHeaders()).isEmpty();
		assertThat(absent.peer()).isEqualTo(ClientCertificate.Peer.UNCHECKED);
		assertThat(absent.clientAddress()).isNull();
	}

	@Test
	void directIsPresentWithDirectOrigin() {
		ClientCertificate direct = ClientCertificate.direct(List.of(client.certificate()));
		assertThat(direct.isPresent()).isTrue();
		assertThat(direct.origin()).isEqualTo(CertificateOrigin.DIRECT);
		assertThat(direct.chain()).containsExactly(client.certificate());
	}

	@Test
	void forwardedIsPresentWithForwardedOriginAndItsHeaders() {
		ClientCertificate forwarded = ClientCertificate.forwarded(List.of(client.certificate()), Set.of("X-Cert"));
		assertThat(forwarded.origin()).isEqualTo(CertificateOrigin.FORWARDED);
		assertThat(forwarded.consumedHeaders()).containsExactly("X-Cert");
	}

	@Test
	void forwardedWithoutChainIsAbsentButStillNamesTheHeadersToHide() {
		ClientCertificate none = ClientCertificate.forwarded(List.of(), Set.of("X-Cert"));
		assertThat(none.isPresent()).isFalse();
		assertThat(none.origin()).isEqualTo(CertificateOrigin.DIRECT);
		assertThat(none.consumedHeaders()).containsExactly("X-Cert");
	}

	@Test
	void refusedCarriesTheReasonAndNoChain() {
		ClientCertificate refused = ClientCertificate.refused(MtlsReason.UNTRUSTED_HEADER)
			.withConsumedHeaders(Set.of("X-Cert"));
		assertThat(refused.isRefused()).isTrue();
		assertThat(refused.isPresent()).isFalse();
		assertThat(refused.refusal()).isEqualTo(MtlsReason.UNTRUSTED_HEADER);
		assertThat(refused.consumedHeaders()).containsExactly("X-Cert");
	}

	@Test
	void refusalWithAChainIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ClientCertificate(List.of(client.certificate()), CertificateOrigin.DIRECT, Set.of(),
					MtlsReason.MALFORMED_HEADER, ClientCertificate.Peer.UNCHECKED, List.of(), null));
	}

	@Test
	void peerDecisionAndClientAddressAreKeptAlongTheChain() {
		ClientCertificate forwarded = ClientCertificate.forwarded(List.of(client.certificate()), Set.of("X-Cert"))
			.fromTrustedProxy(List.of(proxy.certificate()))
			.withClientAddress("203.0.113.7");
		assertThat(forwarded.peer()).isEqualTo(ClientCertificate.Peer.TRUSTED_PROXY);
		assertThat(forwarded.proxyChain()).containsExactly(proxy.certificate());
		assertThat(forwarded.clientAddress()).isEqualTo("203.0.113.7");
		assertThat(forwarded.chain()).containsExactly(client.certificate());
		ClientCertificate untrusted = ClientCertificate.direct(List.of(client.certificate())).fromUntrustedPeer();
		assertThat(untrusted.peer()).isEqualTo(ClientCertificate.Peer.NOT_TRUSTED_PROXY);
		assertThat(untrusted.proxyChain()).isEmpty();
	}

	@Test
	void valueIsImmutable() {
		List<X509Certificate> chain = new ArrayList<>(List.of(client.certificate()));
		ClientCertificate direct = ClientCertificate.direct(chain);
		chain.add(proxy.certificate());
		assertThat(direct.chain()).containsExactly(client.certificate());
	}

}
