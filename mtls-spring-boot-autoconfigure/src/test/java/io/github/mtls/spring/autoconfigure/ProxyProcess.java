package io.github.mtls.spring.autoconfigure;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A real reverse proxy (nginx, HAProxy) run as a child process in the foreground, with
 * its configuration, pid and logs in a temporary folder, stopped by the test. When the
 * binary is missing the test is skipped, except under {@code CI=true}, where it fails.
 */
final class ProxyProcess implements AutoCloseable {

	private final Process process;

	private final Path directory;

	private ProxyProcess(Process process, Path directory) {
		this.process = process;
		this.directory = directory;
	}

	/**
	 * Find an executable on the PATH or in the system folders Debian installs proxies to.
	 * @param name the executable
	 * @return its path
	 */
	static Path require(String name) {
		String path = System.getenv("PATH");
		String search = ((path != null) ? path : "") + File.pathSeparator + "/usr/sbin" + File.pathSeparator + "/sbin";
		for (String folder : search.split(File.pathSeparator)) {
			if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, name))) {
				return Path.of(folder, name);
			}
		}
		String message = name + " is not installed (apt-get install -y " + name + "; bin/test installs it)";
		if ("true".equals(System.getenv("CI"))) {
			throw new AssertionError(message);
		}
		Assumptions.abort(message);
		throw new AssertionError(message);
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Start the proxy and wait until it accepts connections on the port.
	 * @param command the command line
	 * @param directory the folder for its output
	 * @param port the port it listens on
	 * @return the running proxy
	 */
	static ProxyProcess start(List<String> command, Path directory, int port) {
		try {
			Process process = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(directory.resolve("proxy.out").toFile())
				.start();
			ProxyProcess proxy = new ProxyProcess(process, directory);
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
			while (System.nanoTime() < deadline) {
				if (!process.isAlive()) {
					throw new IllegalStateException(
							command.get(0) + " exited with " + process.exitValue() + ": " + proxy.output());
				}
				try (Socket socket = new Socket()) {
					socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
					return proxy;
				}
				catch (IOException ex) {
					Thread.sleep(50);
				}
			}
			proxy.close();
			throw new IllegalStateException(command.get(0) + " did not listen on " + port + ": " + proxy.output());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	String output() {
		StringBuilder output = new StringBuilder();
		for (String name : List.of("proxy.out", "error.log")) {
			Path file = this.directory.resolve(name);
			if (Files.exists(file)) {
				try {
					output.append(Files.readString(file, StandardCharsets.UTF_8));
				}
				catch (IOException ex) {
					output.append("(").append(name).append(" unreadable)");
				}
			}
		}
		return output.toString();
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static void write(Path file, String text) {
		try {
			Files.writeString(file, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Write the PEM files both proxies use: their server certificate and key for callers,
	 * the client CA that verifies callers, their own client certificate and key for the
	 * hop to the service, and the CA of the service's server certificate.
	 * @param directory the folder
	 */
	static void writePki(Path directory) {
		write(directory.resolve("frontend.crt"), TestPki.server.chainPem());
		write(directory.resolve("frontend.key"), TestPki.server.privateKeyPem());
		write(directory.resolve("frontend.pem"), TestPki.server.chainPem() + TestPki.server.privateKeyPem());
		write(directory.resolve("client-ca.pem"), TestPki.clientCa.issued().certificatePem());
		write(directory.resolve("proxy.crt"), TestPki.proxy.chainPem());
		write(directory.resolve("proxy.key"), TestPki.proxy.privateKeyPem());
		write(directory.resolve("proxy.pem"), TestPki.proxy.chainPem() + TestPki.proxy.privateKeyPem());
		write(directory.resolve("server-ca.pem"), TestPki.serverCa.issued().certificatePem());
	}

}
