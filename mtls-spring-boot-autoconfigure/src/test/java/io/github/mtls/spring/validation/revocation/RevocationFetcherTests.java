package io.github.mtls.spring.validation.revocation;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.github.mtls.spring.http.StallingHttpResponder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class RevocationFetcherTests {

	@Test
	void getWhenBodyStallsPastTheReadTimeoutThenFailsAndDropsTheConnection() throws Exception {
		try (StallingHttpResponder responder = StallingHttpResponder.halfBody()) {
			RevocationFetcher fetcher = new RevocationFetcher(Duration.ofSeconds(2), Duration.ofMillis(500));
			URI location = responder.uri("/ca.crl");
			assertThatIOException().isThrownBy(() -> fetcher.get(location)).withMessageContaining("read timeout");
			// the connection is dropped, not left open (with a thread blocked reading it)
			// for as long as the responder likes
			assertThat(responder.awaitDropped()).isTrue();
		}
	}

}
