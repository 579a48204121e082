package io.github.mtls.spring.benchmarks.baseline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample's {@code GET /v2/bank/accounts} on plain Spring Boot, authenticated the way
 * Spring Boot and Spring Security ship it: Tomcat requires a client certificate
 * ({@code server.ssl.client-auth=need}) and {@code x509()} maps its subject CN to a user.
 * The comparison for {@code benchmarks/load/run}; never part of the test suite.
 *
 * @author mtls-spring-boot
 */
@SpringBootApplication
public class X509BaselineApplication {

	/**
	 * Start the baseline.
	 * @param args the command-line arguments, such as
	 * {@code --baseline.dev-pki=/path/to/dev-pki}
	 */
	public static void main(String[] args) {
		SpringApplication.run(X509BaselineApplication.class, args);
	}

}
