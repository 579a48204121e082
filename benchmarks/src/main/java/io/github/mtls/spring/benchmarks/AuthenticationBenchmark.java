package io.github.mtls.spring.benchmarks;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorResult;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
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

import org.springframework.security.core.Authentication;

import io.github.mtls.spring.mydata.InMemoryOperatorRegistry;
import io.github.mtls.spring.mydata.OperatorRegistration;
import io.github.mtls.spring.mydata.OperatorResolver;
import io.github.mtls.spring.mydata.OperatorStatus;
import io.github.mtls.spring.mydata.SerialNumber;
import io.github.mtls.spring.mydata.SerialNumberExtractor;
import io.github.mtls.spring.security.MtlsAuthenticationProvider;
import io.github.mtls.spring.security.MtlsAuthenticationToken;
import io.github.mtls.spring.test.pki.CertificateAuthority;
import io.github.mtls.spring.test.pki.IssuedCertificate;
import io.github.mtls.spring.validation.CachingCertificateValidator;
import io.github.mtls.spring.validation.CertificateValidator;
import io.github.mtls.spring.validation.PkixCertificateValidator;
import io.github.mtls.spring.validation.TrustAnchors;
import io.github.mtls.spring.validation.ValidationResult;

/**
 * The per-request work of authenticating a direct-TLS client certificate: the whole
 * provider (fingerprint, chain validation, SERIALNUMBER, registry) and its parts.
 *
 * @author mtls-spring-boot
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AuthenticationBenchmark {

	private List<X509Certificate> chain;

	private X509Certificate leaf;

	private CertificateValidator validator;

	private MtlsAuthenticationProvider provider;

	private MtlsAuthenticationProvider cachedProvider;

	private final SerialNumberExtractor extractor = new SerialNumberExtractor();

	private CertPath certPath;

	private PKIXParameters bareParameters;

	@Setup
	public void setUp() {
		CertificateAuthority ca = CertificateAuthority.root("MyData Benchmark CA");
		IssuedCertificate operator = ca.intermediate("Issuing CA")
			.leaf("Example Fintech")
			.serialNumber("2208112345")
			.clientAuth()
			.issue();
		this.chain = List.of(operator.presentedChain());
		this.leaf = operator.certificate();
		try {
			this.certPath = CertificateFactory.getInstance("X.509").generateCertPath(this.chain);
			this.bareParameters = new PKIXParameters(Set.of(new TrustAnchor(ca.certificate(), null)));
			this.bareParameters.setRevocationEnabled(false);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		this.validator = new PkixCertificateValidator(TrustAnchors.of(ca.certificate()), List.of("1.3.6.1.5.5.7.3.2"),
				Duration.ofSeconds(30));
		OperatorRegistration registration = new OperatorRegistration("A1AAER0000", "2208112345",
				SerialNumber.of("2208112345"), "Example Fintech", OperatorStatus.ACTIVE,
				Set.of("bank.list", "card.list"), Set.of());
		OperatorResolver resolver = new OperatorResolver(new InMemoryOperatorRegistry(List.of(registration)));
		this.provider = new MtlsAuthenticationProvider(this.validator, resolver);
		this.cachedProvider = new MtlsAuthenticationProvider(
				new CachingCertificateValidator(this.validator, 10000, Duration.ofMinutes(5), Clock.systemUTC()),
				resolver);
	}

	/**
	 * The default configuration once warm: the chain's validation comes from the cache.
	 * @return the authentication
	 */
	@Benchmark
	public Authentication authenticateCached() {
		return this.cachedProvider.authenticate(MtlsAuthenticationToken.unauthenticated(this.chain));
	}

	/**
	 * Every request validated in full, as with
	 * {@code mtls.validation.cache.max-entries: 0}.
	 * @return the authentication
	 */
	@Benchmark
	public Authentication authenticateUncached() {
		return this.provider.authenticate(MtlsAuthenticationToken.unauthenticated(this.chain));
	}

	/**
	 * The starter's chain validation uncached: PKIX as the starter configures it (at an
	 * instant within the clock skew, required extended key usage), then the strict key
	 * usage and basic constraints reading.
	 * @return the result
	 */
	@Benchmark
	public ValidationResult validateChain() {
		return this.validator.validate(this.chain);
	}

	/**
	 * The floor for {@link #validateChain()}: the JDK's PKIX {@link CertPathValidator}
	 * over the same chain and anchor with nothing else, revocation off, as a hand-written
	 * filter would call it. A new validator per call, as a validation does.
	 * @return the result
	 * @throws GeneralSecurityException never for this chain
	 */
	@Benchmark
	public CertPathValidatorResult bareCertPathValidator() throws GeneralSecurityException {
		return CertPathValidator.getInstance("PKIX").validate(this.certPath, this.bareParameters);
	}

	@Benchmark
	public SerialNumberExtractor.Extraction extractSerialNumber() {
		return this.extractor.extract(this.leaf);
	}

}
