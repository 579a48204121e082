package io.github.mtls.spring.validation.revocation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class RevocationFetcherTests {

	@Test
	void getWhenBodyStallsPastTheReadTimeoutThenFailsAndDropsTheConnection() throws Exception {
		CountDownLatch dropped = new CountDownLatch(1);
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			Thread responder = new Thread(() -> answerHalfThenWait(server, dropped), "half-body-responder");
			responder.setDaemon(true);
			responder.start();
			RevocationFetcher fetcher = new RevocationFetcher(Duration.ofSeconds(2), Duration.ofMillis(500));
			URI location = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/ca.crl");
			assertThatIOException().isThrownBy(() -> fetcher.get(location)).withMessageContaining("read timeout");
			// the connection is dropped, not left open (with a thread blocked reading it)
			// for as long as the responder likes
			assertThat(dropped.await(20, TimeUnit.SECONDS)).isTrue();
		}
	}

	private static void answerHalfThenWait(ServerSocket server, CountDownLatch dropped) {
		try (Socket connection = server.accept()) {
			InputStream in = connection.getInputStream();
			byte[] head = new byte[4096];
			in.read(head);
			OutputStream out = connection.getOutputStream();
			out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nhalf".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			while (in.read() >= 0) {
				// wait for the client to give up
			}
			dropped.countDown();
		}
		catch (IOException ex) {
			dropped.countDown();
		}
	}

}
