package io.github.mtls.spring.validation.revocation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;

import io.github.mtls.spring.test.pki.IssuedCertificate;

/**
 * An OCSP responder over HTTP on loopback whose answers BouncyCastle mints with the times
 * the test chooses: every certificate asked about is good, with the given produced-at,
 * this-update and (optional) next-update. Signed by the issuer, nonce echoed.
 */
public final class MintedOcspResponder implements AutoCloseable {

	private final HttpServer server;

	private final IssuedCertificate issuer;

	private final AtomicInteger requests = new AtomicInteger();

	private volatile Instant producedAt = Instant.now();

	private volatile Instant thisUpdate = Instant.now();

	private volatile @Nullable Instant nextUpdate;

	/**
	 * Start a responder for one CA.
	 * @param issuer the CA, which signs the answers
	 */
	public MintedOcspResponder(IssuedCertificate issuer) {
		this.issuer = issuer;
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", this::answer);
		this.server.start();
	}

	/**
	 * Choose the times of the following answers.
	 * @param producedAt when the response claims to be produced
	 * @param thisUpdate when the status was known to be correct
	 * @param nextUpdate when newer information will be available, or {@code null} for
	 * none
	 * @return this responder
	 */
	public MintedOcspResponder answer(Instant producedAt, Instant thisUpdate, @Nullable Instant nextUpdate) {
		this.producedAt = producedAt;
		this.thisUpdate = thisUpdate;
		this.nextUpdate = nextUpdate;
		return this;
	}

	/**
	 * Return how many requests were answered.
	 * @return the count
	 */
	public int requests() {
		return this.requests.get();
	}

	/**
	 * Return the responder's URL.
	 * @return an http URL on loopback
	 */
	public URI uri() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/");
	}

	private void answer(HttpExchange exchange) throws IOException {
		this.requests.incrementAndGet();
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = mint(new OCSPReq(in.readAllBytes()));
		}
		catch (Exception ex) {
			body = new byte[0];
		}
		exchange.getResponseHeaders().add("Content-Type", "application/ocsp-response");
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private byte[] mint(OCSPReq request) throws Exception {
		X509CertificateHolder issuerHolder = new JcaX509CertificateHolder(this.issuer.certificate());
		BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(issuerHolder.getSubject()));
		Instant next = this.nextUpdate;
		for (Req single : request.getRequestList()) {
			builder.addResponse(single.getCertID(), CertificateStatus.GOOD, Date.from(this.thisUpdate),
					(next != null) ? Date.from(next) : null, null);
		}
		Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
		if (nonce != null) {
			builder.setResponseExtensions(new Extensions(nonce));
		}
		return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL,
				builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(this.issuer.privateKey()),
						new X509CertificateHolder[0], Date.from(this.producedAt)))
			.getEncoded();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
