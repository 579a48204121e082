package io.github.mtls.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A MyData information provider whose API answers only registered operators,
 * authenticated by their mutual-TLS client certificates. Started without any
 * {@code server.ssl} key material, it mints a development PKI into {@code ./dev-pki} and
 * logs curl commands to try it with.
 *
 * @author mtls-spring-boot
 */
@SpringBootApplication
public class SampleApplication {

	/**
	 * Start the sample.
	 * @param args the command-line arguments, such as
	 * {@code --server.ssl.key-store=file:server.p12}
	 */
	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
