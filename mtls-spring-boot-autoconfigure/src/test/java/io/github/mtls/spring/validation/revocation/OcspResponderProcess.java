package io.github.mtls.spring.validation.revocation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Assumptions;

import io.github.mtls.spring.test.pki.IssuedCertificate;

/**
 * A real OCSP responder: {@code openssl ocsp} started as a child process on a free port
 * with an index file written by the test. Fails the test when openssl is missing on CI,
 * skips it elsewhere.
 */
public final class OcspResponderProcess implements AutoCloseable {

	private static final DateTimeFormatter INDEX_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private final Process process;

	private final int port;

	private final Path log;

	private OcspResponderProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Start a responder signing with the given certificate.
	 * @param issuer the CA whose certificates it answers for
	 * @param signer the responder certificate and key (the issuer itself, or a delegate)
	 * @param directory where to write its files
	 * @param entries the index lines, see {@link #valid} and {@link #revoked}
	 * @return the running responder
	 */
	public static OcspResponderProcess start(IssuedCertificate issuer, IssuedCertificate signer, Path directory,
			List<String> entries) {
		requireOpenssl();
		try {
			Files.createDirectories(directory);
			Files.writeString(directory.resolve("ca.pem"), issuer.certificatePem());
			Files.writeString(directory.resolve("signer.pem"), signer.certificatePem());
			Files.writeString(directory.resolve("signer-key.pem"), signer.privateKeyPem());
			Files.writeString(directory.resolve("index.txt"), String.join("", entries));
			Files.writeString(directory.resolve("index.txt.attr"), "unique_subject = no\n");
			int port = freePort();
			List<String> command = new ArrayList<>(
					List.of("openssl", "ocsp", "-index", "index.txt", "-port", String.valueOf(port), "-rsigner",
							"signer.pem", "-rkey", "signer-key.pem", "-CA", "ca.pem", "-nmin", "10", "-ignore_err"));
			Process process = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(directory.resolve("ocsp.log").toFile())
				.start();
			OcspResponderProcess responder = new OcspResponderProcess(process, port, directory.resolve("ocsp.log"));
			responder.awaitListening();
			return responder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Return an index line for a good certificate.
	 * @param certificate the certificate
	 * @return the line
	 */
	public static String valid(X509Certificate certificate) {
		return "V\t" + INDEX_TIME.format(certificate.getNotAfter().toInstant()) + "\t\t" + serial(certificate)
				+ "\tunknown\t/CN=" + certificate.getSerialNumber() + "\n";
	}

	/**
	 * Return an index line for a revoked certificate.
	 * @param certificate the certificate
	 * @param reason the OpenSSL reason name, such as {@code keyCompromise}
	 * @return the line
	 */
	public static String revoked(X509Certificate certificate, String reason) {
		return "R\t" + INDEX_TIME.format(certificate.getNotAfter().toInstant()) + "\t"
				+ INDEX_TIME.format(Instant.now().minus(Duration.ofHours(1))) + "," + reason + "\t"
				+ serial(certificate) + "\tunknown\t/CN=" + certificate.getSerialNumber() + "\n";
	}

	private static String serial(X509Certificate certificate) {
		String hex = certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
		return (hex.length() % 2 == 0) ? hex : "0" + hex;
	}

	/**
	 * Return the responder's URL.
	 * @return the URL on 127.0.0.1
	 */
	public URI uri() {
		return URI.create("http://127.0.0.1:" + this.port + "/");
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void awaitListening() throws IOException {
		// openssl ocsp serves one connection at a time: a probe connection that sends
		// nothing
		// would block it, so wait for its own word instead.
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("openssl ocsp exited with " + this.process.exitValue());
			}
			if (Files.exists(this.log) && Files.readString(this.log).contains("waiting for OCSP client connections")) {
				return;
			}
			sleep();
		}
		close();
		throw new IllegalStateException("openssl ocsp did not listen within 10 seconds");
	}

	private static void sleep() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void requireOpenssl() {
		boolean present;
		try {
			present = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start().waitFor() == 0;
		}
		catch (IOException ex) {
			present = false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			present = false;
		}
		if (!present && "true".equals(System.getenv("CI"))) {
			throw new IllegalStateException("openssl is required on CI (bin/test installs it)");
		}
		Assumptions.assumeTrue(present, "openssl is not installed");
	}

}
