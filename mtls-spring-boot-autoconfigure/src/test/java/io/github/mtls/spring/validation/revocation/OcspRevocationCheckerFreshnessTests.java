package io.github.mtls.spring.validation.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.mtls.spring.test.pki.CertificateAuthority;
import io.github.mtls.spring.test.pki.IssuedCertificate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How old or how far ahead an OCSP answer may be, against BouncyCastle-minted responses
 * and an injected clock.
 */
class OcspRevocationCheckerFreshnessTests {

	private static final CertificateAuthority ca = CertificateAuthority.root("MyData Test CA");

	private static final IssuedCertificate leaf = ca.leaf("op").clientAuth().issue();

	// OCSP times are whole seconds (GeneralizedTime as BouncyCastle writes them).
	private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	private final MintedOcspResponder responder = new MintedOcspResponder(ca.issued());

	private final RevocationFetcher fetcher = new RevocationFetcher(Duration.ofSeconds(2), Duration.ofSeconds(3));

	@AfterEach
	void stop() {
		this.responder.close();
	}

	@Test
	void checkWhenNoNextUpdateAndThisUpdateOlderThanMaxAgeThenUnknown() {
		Instant yearAgo = this.now.minus(Duration.ofDays(365));
		this.responder.answer(yearAgo, yearAgo, null);
		RevocationStatus status = checker().check(leaf.certificate(), ca.certificate());
		assertThat(status.state()).isEqualTo(RevocationStatus.State.UNKNOWN);
		assertThat(status.reason()).isEqualTo("OCSP response too old");
	}

	@Test
	void checkWhenNoNextUpdateAndThisUpdateJustPastMaxAgeThenUnknown() {
		Instant old = this.now.minus(Duration.ofMinutes(3)).minusSeconds(1);
		this.responder.answer(this.now, old, null);
		assertThat(checker().check(leaf.certificate(), ca.certificate()).state())
			.isEqualTo(RevocationStatus.State.UNKNOWN);
	}

	@Test
	void checkWhenNoNextUpdateAndThisUpdateWithinMaxAgeThenGoodUntilMaxAge() {
		Instant recent = this.now.minus(Duration.ofMinutes(2));
		this.responder.answer(recent, recent, null);
		RevocationStatus status = checker().check(leaf.certificate(), ca.certificate());
		assertThat(status.state()).isEqualTo(RevocationStatus.State.GOOD);
		assertThat(status.nextUpdate()).isEqualTo(recent.plus(Duration.ofMinutes(3)));
	}

	@Test
	void checkWhenNoNextUpdateThenCachedNoLongerThanMaxAge() {
		Instant recent = this.now.minus(Duration.ofMinutes(2));
		this.responder.answer(recent, recent, null);
		OcspRevocationChecker checker = checker();
		assertThat(checker.check(leaf.certificate(), ca.certificate()).state()).isEqualTo(RevocationStatus.State.GOOD);
		checker.setClock(Clock.fixed(this.now.plus(Duration.ofMinutes(1)).plusSeconds(1), ZoneOffset.UTC));
		assertThat(checker.check(leaf.certificate(), ca.certificate()).state())
			.isEqualTo(RevocationStatus.State.UNKNOWN);
		assertThat(this.responder.requests()).isEqualTo(2);
	}

	@Test
	void checkWhenOldThisUpdateButNextUpdateAheadThenGood() {
		Instant yearAgo = this.now.minus(Duration.ofDays(365));
		this.responder.answer(this.now, yearAgo, this.now.plus(Duration.ofHours(1)));
		assertThat(checker().check(leaf.certificate(), ca.certificate()).state())
			.isEqualTo(RevocationStatus.State.GOOD);
	}

	@Test
	void checkWhenThisUpdateFurtherAheadThanSkewThenRefused() {
		Instant ahead = this.now.plus(Duration.ofSeconds(31));
		this.responder.answer(this.now, ahead, ahead.plus(Duration.ofHours(1)));
		RevocationStatus status = checker().check(leaf.certificate(), ca.certificate());
		assertThat(status.state()).isEqualTo(RevocationStatus.State.UNKNOWN);
		assertThat(status.reason()).isEqualTo("OCSP response not current");
	}

	@Test
	void checkWhenProducedAtFurtherAheadThanSkewThenRefused() {
		Instant ahead = this.now.plus(Duration.ofSeconds(31));
		this.responder.answer(ahead, this.now, this.now.plus(Duration.ofHours(1)));
		RevocationStatus status = checker().check(leaf.certificate(), ca.certificate());
		assertThat(status.state()).isEqualTo(RevocationStatus.State.UNKNOWN);
		assertThat(status.reason()).isEqualTo("OCSP response not current");
	}

	@Test
	void checkWhenProducedAtAndThisUpdateAheadWithinSkewThenGood() {
		Instant ahead = this.now.plus(Duration.ofSeconds(29));
		this.responder.answer(ahead, ahead, null);
		assertThat(checker().check(leaf.certificate(), ca.certificate()).state())
			.isEqualTo(RevocationStatus.State.GOOD);
	}

	@Test
	void checkWhenTooOldThenResponderNotRememberedAsFailed() {
		Instant yearAgo = this.now.minus(Duration.ofDays(365));
		this.responder.answer(yearAgo, yearAgo, null);
		OcspRevocationChecker checker = checker();
		checker.check(leaf.certificate(), ca.certificate());
		checker.check(leaf.certificate(), ca.certificate());
		// A stale answer is quick: the next lookup asks again rather than give up.
		assertThat(this.responder.requests()).isEqualTo(2);
	}

	private OcspRevocationChecker checker() {
		OcspRevocationChecker checker = new OcspRevocationChecker(this.fetcher, this.responder.uri());
		checker.setClock(Clock.fixed(this.now, ZoneOffset.UTC));
		checker.setMaxAge(Duration.ofMinutes(3));
		checker.setClockSkew(Duration.ofSeconds(30));
		return checker;
	}

}
