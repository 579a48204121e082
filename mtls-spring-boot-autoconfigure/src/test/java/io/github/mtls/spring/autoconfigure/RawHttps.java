package io.github.mtls.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import javax.net.ssl.SSLSocket;

import io.github.mtls.spring.test.pki.IssuedCertificate;

/**
 * Sends one HTTP/1.1 request over TLS from a chosen local address (the JDK HTTP client
 * cannot bind one), so that a test can play the trusted proxy at 127.0.0.2 or a caller at
 * 127.0.0.1 (or at ::1, over IPv6), with exactly the header lines it wants.
 */
final class RawHttps {

	private RawHttps() {
	}

	static Response get(String localAddress, int port, IssuedCertificate clientCertificate, String path,
			String... headerLines) {
		return send("GET", localAddress, port, clientCertificate, path, headerLines);
	}

	static Response send(String method, String localAddress, int port, IssuedCertificate clientCertificate, String path,
			String... headerLines) {
		try (SSLSocket socket = (SSLSocket) TestPki.sslContext(clientCertificate).getSocketFactory().createSocket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
			String server = localAddress.contains(":") ? "::1" : "127.0.0.1";
			socket.connect(new InetSocketAddress(InetAddress.getByName(server), port), 5000);
			socket.setSoTimeout(10000);
			StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n");
			for (String line : headerLines) {
				request.append(line).append("\r\n");
			}
			request.append("Connection: close\r\n\r\n");
			OutputStream output = socket.getOutputStream();
			output.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			output.flush();
			InputStream input = socket.getInputStream();
			String response = new String(input.readAllBytes(), StandardCharsets.UTF_8);
			int status = Integer.parseInt(response.substring(9, 12));
			int bodyStart = response.indexOf("\r\n\r\n");
			return new Response(status, (bodyStart >= 0) ? response.substring(bodyStart + 4) : "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record Response(int status, String body) {

	}

}
