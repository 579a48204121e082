package io.github.mtls.spring.autoconfigure;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Access tokens for the tests: an RS256 key minted once per JVM, JWTs signed with it in
 * the test, and the decoder that trusts it. No network.
 */
final class TestTokens {

	private static final KeyPair keys = generate();

	private TestTokens() {
	}

	static JwtDecoder decoder() {
		return NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.getPublic()).build();
	}

	/**
	 * A decoder that checks only the signature and the timestamps, as a user's own
	 * {@code setJwtValidator(...)} does: without Spring Security's certificate thumbprint
	 * validator.
	 */
	static JwtDecoder decoderWithoutThumbprintValidator() {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.getPublic()).build();
		decoder.setJwtValidator(new JwtTimestampValidator());
		return decoder;
	}

	/**
	 * Sign a token that expires in an hour, with the given claims.
	 */
	static String token(Map<String, Object> claims) {
		return token(claims, Instant.now().plusSeconds(3600));
	}

	static String token(Map<String, Object> claims, Instant expiresAt) {
		JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().subject("customer-1")
			.issuer("https://provider.example")
			.issueTime(Date.from(expiresAt.minusSeconds(7200)))
			.expirationTime(Date.from(expiresAt));
		claims.forEach(builder::claim);
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), builder.build());
		try {
			jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
