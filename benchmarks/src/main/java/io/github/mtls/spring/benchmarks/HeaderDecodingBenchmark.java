package io.github.mtls.spring.benchmarks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.github.mtls.spring.header.AutoDetectingHeaderDecoder;
import io.github.mtls.spring.header.CachingHeaderDecoder;
import io.github.mtls.spring.header.CertificateHeaderDecoder;
import io.github.mtls.spring.header.DecodedHeader;
import io.github.mtls.spring.test.pki.CertificateAuthority;
import io.github.mtls.spring.test.pki.IssuedCertificate;

/**
 * Decoding a forwarded client certificate header: nginx's URL-encoded PEM and HAProxy's
 * base64 DER through the auto-detecting decoder, without and with the decoded-value
 * cache.
 *
 * @author mtls-spring-boot
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HeaderDecodingBenchmark {

	private String nginxValue;

	private String haproxyValue;

	private CertificateHeaderDecoder decoder;

	private CertificateHeaderDecoder cachingDecoder;

	@Setup
	public void setUp() throws Exception {
		IssuedCertificate operator = CertificateAuthority.root("MyData Benchmark CA")
			.leaf("Example Fintech")
			.serialNumber("2208112345")
			.clientAuth()
			.issue();
		this.nginxValue = URLEncoder.encode(operator.certificatePem(), StandardCharsets.UTF_8).replace("+", "%20");
		this.haproxyValue = Base64.getEncoder().encodeToString(operator.certificate().getEncoded());
		this.decoder = new AutoDetectingHeaderDecoder();
		this.cachingDecoder = new CachingHeaderDecoder(new AutoDetectingHeaderDecoder(), 256);
	}

	@Benchmark
	public DecodedHeader nginxUrlEncodedPem() {
		return this.decoder.decode(this.nginxValue);
	}

	@Benchmark
	public DecodedHeader haproxyDerBase64() {
		return this.decoder.decode(this.haproxyValue);
	}

	@Benchmark
	public DecodedHeader nginxUrlEncodedPemCached() {
		return this.cachingDecoder.decode(this.nginxValue);
	}

}
