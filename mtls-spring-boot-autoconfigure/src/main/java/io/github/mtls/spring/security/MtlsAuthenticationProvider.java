package io.github.mtls.spring.security;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.log.LogMessage;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.util.Assert;

import io.github.mtls.spring.certificate.CertificateMemo;
import io.github.mtls.spring.certificate.Sha256Fingerprint;
import io.github.mtls.spring.error.MtlsAuthenticationException;
import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.mydata.MyDataOperator;
import io.github.mtls.spring.mydata.OperatorResolution;
import io.github.mtls.spring.mydata.OperatorResolver;
import io.github.mtls.spring.validation.CertificateValidator;
import io.github.mtls.spring.validation.ValidationResult;

/**
 * Authenticates an {@link MtlsAuthenticationToken}: validates the chain, then resolves
 * the operator. Grants {@code SCOPE_<scope>} for each operator scope and Spring
 * Security's X.509 factor authority.
 *
 * @author mtls-spring-boot
 */
public final class MtlsAuthenticationProvider implements AuthenticationProvider {

	/**
	 * The prefix of scope authorities.
	 */
	public static final String SCOPE_PREFIX = "SCOPE_";

	private static final Log logger = LogFactory.getLog(MtlsAuthenticationProvider.class);

	private final CertificateValidator validator;

	private final OperatorResolver operatorResolver;

	// Hashed once per certificate object, not per request.
	private final CertificateMemo<Sha256Fingerprint> fingerprints = new CertificateMemo<>(Sha256Fingerprint::of,
			CertificateMemo.DEFAULT_MAX_ENTRIES);

	/**
	 * Create a provider.
	 * @param validator validates chains
	 * @param operatorResolver maps certificates to operators
	 */
	public MtlsAuthenticationProvider(CertificateValidator validator, OperatorResolver operatorResolver) {
		Assert.notNull(validator, "validator cannot be null");
		Assert.notNull(operatorResolver, "operatorResolver cannot be null");
		this.validator = validator;
		this.operatorResolver = operatorResolver;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		MtlsAuthenticationToken token = (MtlsAuthenticationToken) authentication;
		List<X509Certificate> chain = token.getChain();
		X509Certificate leaf = chain.get(0);
		Sha256Fingerprint fingerprint = fingerprint(leaf);
		ValidationResult result = validate(chain, token, fingerprint);
		MtlsReason failure = result.failure();
		if (failure != null) {
			throw new MtlsAuthenticationException(failure, fingerprint.value(), List.of());
		}
		String clientAddress = (token.getDetails() instanceof MtlsRequestDetails details) ? details.clientAddress()
				: null;
		OperatorResolution resolution = this.operatorResolver.resolve(leaf, fingerprint, clientAddress);
		MtlsReason refusal = resolution.refusal();
		MyDataOperator operator = resolution.operator();
		if (refusal != null || operator == null) {
			// The seam where Spring Security's contract demands an exception.
			throw new MtlsAuthenticationException((refusal != null) ? refusal : MtlsReason.OPERATOR_NOT_REGISTERED,
					resolution.fingerprint(), resolution.orgCodes());
		}
		return MtlsAuthenticationToken.authenticated(token, operator, authorities(operator));
	}

	private ValidationResult validate(List<X509Certificate> chain, MtlsAuthenticationToken token,
			Sha256Fingerprint fingerprint) {
		try {
			return this.validator.validate(chain, token.getOrigin());
		}
		catch (AuthenticationException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			// A certificate no parser expected is the caller's input, never a 500: refuse
			// it and say where, without its text (exception messages may quote bytes).
			logger.warn(LogMessage.format("Client certificate could not be validated (%s): fingerprint=%s",
					ex.getClass().getName(), fingerprint.value()));
			logger.debug("Client certificate validation failure", ex);
			throw new MtlsAuthenticationException(MtlsReason.CERTIFICATE_UNREADABLE, fingerprint.value(), List.of());
		}
	}

	private Sha256Fingerprint fingerprint(X509Certificate leaf) {
		try {
			return this.fingerprints.get(leaf);
		}
		catch (IllegalArgumentException ex) {
			throw new MtlsAuthenticationException(MtlsReason.CERTIFICATE_UNREADABLE);
		}
	}

	private static List<GrantedAuthority> authorities(MyDataOperator operator) {
		List<GrantedAuthority> authorities = new ArrayList<>(operator.scopes().size() + 1);
		operator.scopes()
			.stream()
			.sorted()
			.forEach((scope) -> authorities.add(new SimpleGrantedAuthority(SCOPE_PREFIX + scope)));
		authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.X509_AUTHORITY));
		return authorities;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return MtlsAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
