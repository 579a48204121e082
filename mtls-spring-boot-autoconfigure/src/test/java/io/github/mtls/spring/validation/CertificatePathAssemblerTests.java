package io.github.mtls.spring.validation;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.mtls.spring.test.pki.CertificateAuthority;
import io.github.mtls.spring.test.pki.IssuedCertificate;

import static org.assertj.core.api.Assertions.assertThat;

class CertificatePathAssemblerTests {

	private static final int MAX_LENGTH = 7;

	private final TrustAnchors anchors = TrustAnchors.of(RolloverPki.root.certificate());

	private final Instant now = Instant.now();

	@Test
	void assembleWhenTwoIntermediatesShareTheIssuerNameThenTakesTheOneTheAuthorityKeyIdentifierNames()
			throws Exception {
		IssuedCertificate leaf = RolloverPki.newIssuing.leaf("op").clientAuth().issue();
		List<X509Certificate> intermediates = List.of(RolloverPki.oldIssuing.certificate(),
				RolloverPki.newIssuing.certificate());
		List<X509Certificate> path = assemble(List.of(leaf.certificate()), intermediates);
		assertThat(path).containsExactly(leaf.certificate(), RolloverPki.newIssuing.certificate());
		assertThat(path)
			.isEqualTo(RolloverPki.referencePath(leaf.certificate(), intermediates, RolloverPki.root.certificate()));
	}

	@Test
	void assembleWhenLeafHasNoAuthorityKeyIdentifierThenTheSignatureDecides() throws Exception {
		X509Certificate leaf = RolloverPki.leafWithoutAuthorityKeyIdentifier(RolloverPki.newIssuing);
		List<X509Certificate> intermediates = List.of(RolloverPki.oldIssuing.certificate(),
				RolloverPki.newIssuing.certificate());
		List<X509Certificate> path = assemble(List.of(leaf), intermediates);
		assertThat(path).containsExactly(leaf, RolloverPki.newIssuing.certificate());
		assertThat(path).isEqualTo(RolloverPki.referencePath(leaf, intermediates, RolloverPki.root.certificate()));
	}

	@Test
	void assembleWhenClientPresentsTheOldIntermediateThenTakesTheConfiguredOneThatSigned() {
		IssuedCertificate leaf = RolloverPki.newIssuing.leaf("op").clientAuth().issue();
		List<X509Certificate> path = assemble(List.of(leaf.certificate(), RolloverPki.oldIssuing.certificate()),
				List.of(RolloverPki.newIssuing.certificate()));
		assertThat(path).containsExactly(leaf.certificate(), RolloverPki.newIssuing.certificate());
	}

	@Test
	void assembleWhenNoCandidateWithTheIssuerNameSignedThenLeavesTheLeafUnchained() {
		CertificateAuthority unlisted = RolloverPki.root.intermediate("Issuing CA");
		IssuedCertificate leaf = unlisted.leaf("op").clientAuth().issue();
		assertThat(assemble(List.of(leaf.certificate()),
				List.of(RolloverPki.oldIssuing.certificate(), RolloverPki.newIssuing.certificate())))
			.containsExactly(leaf.certificate());
	}

	@Test
	void assembleWhenSameKeyRecertifiedThenPrefersTheCertificateValidNow() throws Exception {
		IssuedCertificate leaf = RolloverPki.newIssuing.leaf("op").clientAuth().issue();
		X509Certificate expired = RolloverPki.recertify(RolloverPki.newIssuing, RolloverPki.root,
				this.now.minus(Duration.ofDays(400)), this.now.minus(Duration.ofDays(1)));
		List<X509Certificate> intermediates = List.of(expired, RolloverPki.newIssuing.certificate());
		List<X509Certificate> path = assemble(List.of(leaf.certificate()), intermediates);
		assertThat(path).containsExactly(leaf.certificate(), RolloverPki.newIssuing.certificate());
		assertThat(path)
			.isEqualTo(RolloverPki.referencePath(leaf.certificate(), intermediates, RolloverPki.root.certificate()));
	}

	@Test
	void assembleWhenFirstCandidateLeadsToNoAnchorThenTriesTheNext() throws Exception {
		IssuedCertificate leaf = RolloverPki.newIssuing.leaf("op").clientAuth().issue();
		CertificateAuthority otherRoot = CertificateAuthority.root("Other Root");
		X509Certificate crossSigned = RolloverPki.recertify(RolloverPki.newIssuing, otherRoot,
				this.now.minus(Duration.ofDays(1)), this.now.plus(Duration.ofDays(300)));
		List<X509Certificate> intermediates = List.of(crossSigned, RolloverPki.newIssuing.certificate());
		List<X509Certificate> path = assemble(List.of(leaf.certificate()), intermediates);
		assertThat(path).containsExactly(leaf.certificate(), RolloverPki.newIssuing.certificate());
		assertThat(path)
			.isEqualTo(RolloverPki.referencePath(leaf.certificate(), intermediates, RolloverPki.root.certificate()));
	}

	@Test
	void assembleWhenManyCertificatesShareTheIssuerNameThenConsidersOnlyTheFirstFew() {
		X509Certificate leaf = RolloverPki.leafWithoutAuthorityKeyIdentifier(RolloverPki.newIssuing);
		List<X509Certificate> decoys = new ArrayList<>();
		for (int i = 0; i < CertificatePathAssembler.MAX_CANDIDATES; i++) {
			decoys.add(RolloverPki.root.intermediate("Issuing CA").certificate());
		}
		List<X509Certificate> withinBound = new ArrayList<>(decoys.subList(1, decoys.size()));
		withinBound.add(RolloverPki.newIssuing.certificate());
		assertThat(assemble(List.of(leaf), withinBound)).containsExactly(leaf, RolloverPki.newIssuing.certificate());
		List<X509Certificate> beyondBound = new ArrayList<>(decoys);
		beyondBound.add(RolloverPki.newIssuing.certificate());
		assertThat(assemble(List.of(leaf), beyondBound)).containsExactly(leaf);
	}

	@Test
	void assembleWhenSingleCandidateThenTakesItAsBeforeForPkixToJudge() {
		CertificateAuthority unlisted = RolloverPki.root.intermediate("Issuing CA");
		IssuedCertificate leaf = unlisted.leaf("op").clientAuth().issue();
		assertThat(assemble(List.of(leaf.certificate()), List.of(RolloverPki.oldIssuing.certificate())))
			.containsExactly(leaf.certificate(), RolloverPki.oldIssuing.certificate());
	}

	private List<X509Certificate> assemble(List<X509Certificate> presented, List<X509Certificate> intermediates) {
		return CertificatePathAssembler.assemble(presented, intermediates, this.anchors, MAX_LENGTH, this.now);
	}

}
