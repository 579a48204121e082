package io.github.mtls.spring.benchmarks.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.jspecify.annotations.Nullable;

/**
 * A small closed-loop HTTPS load generator for {@code benchmarks/load/run}: a fixed
 * number of connections, each sending one {@code GET} after the other for a warm-up and
 * then a measured period, presenting a client certificate from a PKCS#12 store and
 * optionally binding the source address a trusted proxy has and sending a
 * forwarded-certificate header as nginx's {@code $ssl_client_escaped_cert} does.
 * <p>
 * Only 2xx answers count as successes. Other statuses and I/O failures (refused
 * handshakes, resets) are counted apart and printed, so a refusing server never looks
 * fast. With {@code --close} every request carries {@code Connection: close} and runs on
 * a new connection whose TLS session is invalidated first, so each is a full handshake,
 * not a resumption.
 * <p>
 * {@code --forwarded-pem} names a PEM file or a folder: from a folder every {@code *.pem}
 * file is read (in name order) and consecutive requests, across all connections, carry
 * the next certificate round-robin, so a validation cache sees many distinct callers.
 * <p>
 * Prints one line, {@code RESULT ok=.. non2xx=.. errors=.. seconds=.. rps=.. statuses=..
 * connections=..}, where {@code rps} is 2xx answers per second of the measured period.
 *
 * @author mtls-spring-boot
 */
public final class LoadDriver {

	private static final int MAX_HEAD_BYTES = 64 * 1024;

	private final Options options;

	private final SSLContext sslContext;

	private final List<byte[]> requests;

	private final AtomicLong nextRequest = new AtomicLong();

	private final AtomicLong ok = new AtomicLong();

	private final AtomicLong errors = new AtomicLong();

	private final AtomicLong connections = new AtomicLong();

	private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();

	private final AtomicReference<@Nullable String> firstError = new AtomicReference<>();

	private volatile long measureStart;

	private volatile long measureEnd;

	private LoadDriver(Options options) throws IOException, GeneralSecurityException {
		this.options = options;
		this.sslContext = sslContext(options);
		this.requests = requests(options);
	}

	/**
	 * Run one measurement and print its {@code RESULT} line.
	 * @param args the options, see {@link Options#usage()}
	 * @throws Exception if the key material cannot be read or a worker is interrupted
	 */
	public static void main(String[] args) throws Exception {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(Options.usage());
			System.exit(2);
			return;
		}
		new LoadDriver(options).run();
	}

	private void run() throws InterruptedException {
		long now = System.nanoTime();
		this.measureStart = now + this.options.warmupSeconds * 1_000_000_000L;
		this.measureEnd = this.measureStart + this.options.seconds * 1_000_000_000L;
		CountDownLatch done = new CountDownLatch(this.options.connections);
		List<Thread> workers = new ArrayList<>();
		for (int i = 0; i < this.options.connections; i++) {
			Thread worker = new Thread(() -> {
				try {
					work();
				}
				finally {
					done.countDown();
				}
			}, "load-" + i);
			worker.setDaemon(true);
			workers.add(worker);
			worker.start();
		}
		done.await();
		long non2xx = 0;
		StringBuilder statusText = new StringBuilder();
		for (Map.Entry<Integer, AtomicLong> entry : new TreeMap<>(this.statuses).entrySet()) {
			if (entry.getKey() < 200 || entry.getKey() > 299) {
				non2xx += entry.getValue().get();
			}
			statusText.append((statusText.length() > 0) ? "," : "")
				.append(entry.getKey())
				.append(':')
				.append(entry.getValue().get());
		}
		double seconds = this.options.seconds;
		System.out.printf(Locale.ROOT,
				"RESULT ok=%d non2xx=%d errors=%d seconds=%.1f rps=%.1f statuses=%s connections=%d%n", this.ok.get(),
				non2xx, this.errors.get(), seconds, this.ok.get() / seconds,
				(statusText.length() > 0) ? statusText : "-", this.connections.get());
		String error = this.firstError.get();
		if (error != null) {
			System.err.println("first error: " + error);
		}
	}

	private void work() {
		@Nullable Connection connection = null;
		while (true) {
			long started = System.nanoTime();
			if (started >= this.measureEnd) {
				break;
			}
			try {
				if (connection == null) {
					connection = connect();
					if (started >= this.measureStart) {
						this.connections.incrementAndGet();
					}
				}
				OutputStream out = connection.socket().getOutputStream();
				out.write(nextRequest());
				out.flush();
				Response response = readResponse(connection.in());
				long finished = System.nanoTime();
				if (finished >= this.measureStart && finished < this.measureEnd) {
					this.statuses.computeIfAbsent(response.status, (status) -> new AtomicLong()).incrementAndGet();
					if (response.status >= 200 && response.status <= 299) {
						this.ok.incrementAndGet();
					}
				}
				if (this.options.close || response.close) {
					close(connection, true);
					connection = null;
				}
			}
			catch (IOException | RuntimeException ex) {
				long finished = System.nanoTime();
				if (finished >= this.measureStart && finished < this.measureEnd) {
					this.errors.incrementAndGet();
				}
				this.firstError.compareAndSet(null, ex.getClass().getSimpleName() + ": " + ex.getMessage());
				close(connection, true);
				connection = null;
				pause();
			}
		}
		close(connection, false);
	}

	private byte[] nextRequest() {
		if (this.requests.size() == 1) {
			return this.requests.get(0);
		}
		return this.requests.get(Math.floorMod(this.nextRequest.getAndIncrement(), this.requests.size()));
	}

	private Connection connect() throws IOException {
		Socket plain = new Socket();
		plain.setTcpNoDelay(true);
		if (this.options.bind != null) {
			plain.bind(new InetSocketAddress(this.options.bind, 0));
		}
		plain.connect(new InetSocketAddress(this.options.host, this.options.port), 5_000);
		plain.setSoTimeout(30_000);
		SSLSocket socket = (SSLSocket) this.sslContext.getSocketFactory()
			.createSocket(plain, this.options.host, this.options.port, true);
		SSLParameters parameters = socket.getSSLParameters();
		parameters.setEndpointIdentificationAlgorithm("HTTPS");
		socket.setSSLParameters(parameters);
		socket.startHandshake();
		return new Connection(socket, new BufferedInputStream(socket.getInputStream(), 16 * 1024));
	}

	private static void close(@Nullable Connection connection, boolean forgetSession) {
		if (connection == null) {
			return;
		}
		SSLSocket socket = connection.socket();
		if (forgetSession) {
			// An invalidated session is not resumable: the next connection handshakes in
			// full.
			socket.getSession().invalidate();
		}
		try {
			socket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

	private static void pause() {
		try {
			Thread.sleep(10);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static Response readResponse(InputStream in) throws IOException {
		String statusLine = readLine(in);
		String[] parts = statusLine.split(" ", 3);
		if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
			throw new IOException("not an HTTP/1.x status line");
		}
		int status = Integer.parseInt(parts[1]);
		long contentLength = -1;
		boolean chunked = false;
		boolean close = parts[0].equals("HTTP/1.0");
		int headBytes = statusLine.length();
		for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
			headBytes += line.length();
			if (headBytes > MAX_HEAD_BYTES) {
				throw new IOException("response head too large");
			}
			int colon = line.indexOf(':');
			if (colon < 0) {
				continue;
			}
			String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
			String value = line.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
			switch (name) {
				case "content-length" -> contentLength = Long.parseLong(value);
				case "transfer-encoding" -> chunked = value.contains("chunked");
				case "connection" -> close = value.contains("close");
				default -> {
				}
			}
		}
		if (chunked) {
			for (long size = Long.parseLong(chunkSize(readLine(in)), 16); size > 0; size = Long
				.parseLong(chunkSize(readLine(in)), 16)) {
				skip(in, size);
				readLine(in);
			}
			while (!readLine(in).isEmpty()) {
				// trailers
			}
		}
		else if (contentLength >= 0) {
			skip(in, contentLength);
		}
		else if (status != 204 && status != 304) {
			// Neither length nor chunks: the body runs to the end of the connection.
			while (in.read() >= 0) {
				// draining
			}
			close = true;
		}
		return new Response(status, close);
	}

	private static String chunkSize(String line) {
		int extension = line.indexOf(';');
		return ((extension >= 0) ? line.substring(0, extension) : line).trim();
	}

	private static void skip(InputStream in, long bytes) throws IOException {
		long remaining = bytes;
		while (remaining > 0) {
			long skipped = in.skip(remaining);
			if (skipped <= 0) {
				if (in.read() < 0) {
					throw new EOFException("connection closed in the body");
				}
				skipped = 1;
			}
			remaining -= skipped;
		}
	}

	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream(64);
		for (int b = in.read(); b != '\n'; b = in.read()) {
			if (b < 0) {
				throw new EOFException("connection closed by the server");
			}
			if (line.size() > MAX_HEAD_BYTES) {
				throw new IOException("response line too long");
			}
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.ISO_8859_1);
	}

	private static SSLContext sslContext(Options options) throws IOException, GeneralSecurityException {
		char[] password = options.password.toCharArray();
		KeyStore keys = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(options.keyStore)) {
			keys.load(in, password);
		}
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(keys, password);
		KeyStore trust = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(options.trustStore)) {
			trust.load(in, password);
		}
		TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trustManagers.init(trust);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
		return context;
	}

	private static List<byte[]> requests(Options options) throws IOException, GeneralSecurityException {
		Path forwardedPem = options.forwardedPem;
		if (options.forwardedHeader == null || forwardedPem == null) {
			return List.of(request(options, null));
		}
		List<byte[]> requests = new ArrayList<>();
		for (Path pemFile : pemFiles(forwardedPem)) {
			requests.add(request(options, escapedPem(pemFile)));
		}
		return requests;
	}

	/**
	 * The PEM files a {@code --forwarded-pem} value names: the file itself, or every
	 * {@code *.pem} file of the folder in name order.
	 * @param forwardedPem a PEM file or a folder of them
	 * @return the files, at least one
	 * @throws IOException if the folder cannot be listed or holds no {@code *.pem} file
	 */
	private static List<Path> pemFiles(Path forwardedPem) throws IOException {
		if (!Files.isDirectory(forwardedPem)) {
			return List.of(forwardedPem);
		}
		List<Path> files;
		try (Stream<Path> entries = Files.list(forwardedPem)) {
			files = entries.filter((file) -> file.getFileName().toString().endsWith(".pem"))
				.filter(Files::isRegularFile)
				.sorted()
				.toList();
		}
		if (files.isEmpty()) {
			throw new IOException("no *.pem file in " + forwardedPem);
		}
		return files;
	}

	private static byte[] request(Options options, @Nullable String forwardedValue) {
		StringBuilder request = new StringBuilder();
		request.append("GET ").append(options.path).append(" HTTP/1.1\r\n");
		request.append("Host: ").append(options.hostHeader).append("\r\n");
		request.append("Accept: application/json\r\n");
		request.append("User-Agent: mtls-load-driver\r\n");
		if (options.close) {
			request.append("Connection: close\r\n");
		}
		if (options.forwardedHeader != null && forwardedValue != null) {
			request.append(options.forwardedHeader).append(": ").append(forwardedValue).append("\r\n");
		}
		for (String header : options.headers) {
			request.append(header).append("\r\n");
		}
		request.append("\r\n");
		return request.toString().getBytes(StandardCharsets.ISO_8859_1);
	}

	/**
	 * The first certificate of a PEM file as nginx's {@code $ssl_client_escaped_cert}
	 * forwards it: the leaf alone, PEM, every byte outside the URI's unreserved
	 * characters percent-encoded.
	 * @param pemFile the PEM file, leaf first
	 * @return the header value
	 */
	static String escapedPem(Path pemFile) throws IOException, GeneralSecurityException {
		X509Certificate leaf;
		try (InputStream in = Files.newInputStream(pemFile)) {
			leaf = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
		}
		String pem = "-----BEGIN CERTIFICATE-----\n"
				+ Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(leaf.getEncoded())
				+ "\n-----END CERTIFICATE-----\n";
		StringBuilder escaped = new StringBuilder(pem.length() * 3 / 2);
		for (byte b : pem.getBytes(StandardCharsets.US_ASCII)) {
			char c = (char) b;
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
					|| c == '_' || c == '~') {
				escaped.append(c);
			}
			else {
				escaped.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
			}
		}
		return escaped.toString();
	}

	private record Connection(SSLSocket socket, InputStream in) {

	}

	record Response(int status, boolean close) {

	}

	static final class Options {

		String host = "127.0.0.1";

		int port;

		String hostHeader = "localhost";

		String path = "/";

		@Nullable InetAddress bind;

		Path keyStore = Path.of("");

		Path trustStore = Path.of("");

		String password = "changeit";

		@Nullable String forwardedHeader;

		@Nullable Path forwardedPem;

		final List<String> headers = new ArrayList<>();

		int connections = 16;

		long seconds = 20;

		long warmupSeconds = 3;

		boolean close;

		static Options parse(String[] args) {
			Options options = new Options();
			boolean url = false;
			boolean keyStore = false;
			boolean trustStore = false;
			for (int i = 0; i < args.length; i++) {
				String arg = args[i];
				if (arg.equals("--close")) {
					options.close = true;
					continue;
				}
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException("missing value for " + arg);
				}
				String value = args[++i];
				switch (arg) {
					case "--url" -> {
						URI uri = URI.create(value);
						if (!"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
							throw new IllegalArgumentException("--url must be https://host:port/path");
						}
						options.host = uri.getHost();
						options.port = uri.getPort();
						options.hostHeader = uri.getHost() + ":" + uri.getPort();
						options.path = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/"
								: uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
						url = true;
					}
					case "--bind" -> options.bind = address(value);
					case "--key-store" -> {
						options.keyStore = Path.of(value);
						keyStore = true;
					}
					case "--trust-store" -> {
						options.trustStore = Path.of(value);
						trustStore = true;
					}
					case "--password" -> options.password = value;
					case "--forwarded-header" -> options.forwardedHeader = value;
					case "--forwarded-pem" -> options.forwardedPem = Path.of(value);
					case "--header" -> options.headers.add(value);
					case "--connections" -> options.connections = positive(arg, value);
					case "--seconds" -> options.seconds = positive(arg, value);
					case "--warmup" -> options.warmupSeconds = Long.parseLong(value);
					default -> throw new IllegalArgumentException("unknown option " + arg);
				}
			}
			if (!url || !keyStore || !trustStore) {
				throw new IllegalArgumentException("--url, --key-store and --trust-store are required");
			}
			if ((options.forwardedHeader == null) != (options.forwardedPem == null)) {
				throw new IllegalArgumentException("--forwarded-header and --forwarded-pem go together");
			}
			return options;
		}

		private static InetAddress address(String value) {
			try {
				return InetAddress.getByName(value);
			}
			catch (IOException ex) {
				throw new IllegalArgumentException("--bind " + value + " is not an address");
			}
		}

		private static int positive(String name, String value) {
			int number = Integer.parseInt(value);
			if (number <= 0) {
				throw new IllegalArgumentException(name + " must be positive");
			}
			return number;
		}

		static String usage() {
			return """
					usage: java -jar load-driver.jar --url https://127.0.0.1:8443/path
					         --key-store client.p12 --trust-store truststore.p12 [--password changeit]
					         [--bind 127.0.0.2] [--forwarded-header X-SSL-Client-Cert --forwarded-pem caller.pem|folder]
					         [--header 'Name: value']... [--connections 16] [--seconds 20] [--warmup 3] [--close]""";
		}

	}

}
