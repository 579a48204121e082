package io.github.mtls.spring.autoconfigure;

import java.util.List;

import io.github.mtls.spring.security.MtlsRejectionEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The refusal the starter published for one request, told apart from the others of the
 * test class by the request's path: the event is published after the response is flushed,
 * so it is awaited.
 */
final class Refusals {

	private Refusals() {
	}

	/**
	 * Await the refusal of the request to the path and return it, asserting that the
	 * request was refused once.
	 * @param refusals the recorded refusals
	 * @param path the path, unique to the request in its test class
	 * @return the refusal
	 */
	static MtlsRejectionEvent of(List<MtlsRejectionEvent> refusals, String path) {
		await().untilAsserted(() -> assertThat(refusals).anyMatch((event) -> path.equals(event.getPath())));
		List<MtlsRejectionEvent> matching = refusals.stream().filter((event) -> path.equals(event.getPath())).toList();
		assertThat(matching).as("refusals of " + path).hasSize(1);
		return matching.get(0);
	}

}
