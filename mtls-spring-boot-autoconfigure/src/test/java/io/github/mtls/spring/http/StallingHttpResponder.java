package io.github.mtls.spring.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP/1.1 responder that answers one request with a prompt 200 head and then
 * never completes the body: either half a body and silence, or a byte at a time for ever.
 * It notes when the client drops the connection, so a test can check that a deadline
 * released the socket instead of leaving a thread blocked on it.
 */
public final class StallingHttpResponder implements AutoCloseable {

	private final ServerSocket socket;

	private final CountDownLatch dropped = new CountDownLatch(1);

	private StallingHttpResponder(boolean trickle) {
		try {
			this.socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread responder = new Thread(trickle ? this::trickle : this::answerHalfThenWait, "stalling-responder");
		responder.setDaemon(true);
		responder.start();
	}

	/**
	 * Start a responder that sends half the announced body, then waits.
	 * @return the responder
	 */
	public static StallingHttpResponder halfBody() {
		return new StallingHttpResponder(false);
	}

	/**
	 * Start a responder that sends the body a byte at a time, each read returning
	 * promptly, for longer than any deadline a test sets.
	 * @return the responder
	 */
	public static StallingHttpResponder trickling() {
		return new StallingHttpResponder(true);
	}

	/**
	 * Return the responder's URL with a path.
	 * @param path the path, starting with {@code /}
	 * @return an http URL on loopback
	 */
	public URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.socket.getLocalPort() + path);
	}

	/**
	 * Wait for the client to drop the connection.
	 * @return whether it did within 20 seconds
	 * @throws InterruptedException if interrupted
	 */
	public boolean awaitDropped() throws InterruptedException {
		return this.dropped.await(20, TimeUnit.SECONDS);
	}

	private void answerHalfThenWait() {
		try (Socket connection = this.socket.accept()) {
			InputStream in = connection.getInputStream();
			in.read(new byte[4096]);
			OutputStream out = connection.getOutputStream();
			out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nhalf".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			while (in.read() >= 0) {
				// wait for the client to give up
			}
			this.dropped.countDown();
		}
		catch (IOException ex) {
			this.dropped.countDown();
		}
	}

	private void trickle() {
		try (Socket connection = this.socket.accept()) {
			connection.getInputStream().read(new byte[4096]);
			OutputStream out = connection.getOutputStream();
			out.write("HTTP/1.1 200 OK\r\nContent-Length: 10000000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			while (true) {
				out.write('x');
				out.flush();
				Thread.sleep(20);
			}
		}
		catch (IOException ex) {
			// the client gave up: the write failed
			this.dropped.countDown();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
