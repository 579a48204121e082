package io.github.mtls.sample.api;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.github.mtls.spring.mydata.MyDataOperator;
import io.github.mtls.spring.security.MtlsRequestDetails;
import io.github.mtls.spring.security.MyDataCallAuthentication;

/**
 * {@code GET /whoami}, for any registered operator: tells the caller who its certificate
 * says it is and, when the call carried an access token, whose token it is.
 *
 * @author mtls-spring-boot
 */
@RestController
public class WhoamiController {

	@GetMapping("/whoami")
	OperatorView whoami(@AuthenticationPrincipal MyDataOperator operator, Authentication authentication) {
		// The caller's address as the starter resolved it (past trusted proxies), not the
		// raw X-Forwarded-For header.
		String clientAddress = (authentication.getDetails() instanceof MtlsRequestDetails details)
				? details.clientAddress() : null;
		// With an access token in the call (the mydata-call profile), the operator stays
		// the principal and the token's claims come with the authentication.
		if (authentication instanceof MyDataCallAuthentication call) {
			Object subject = call.getTokenAttributes().get("sub");
			return OperatorView.of(operator, clientAddress, (subject != null) ? subject.toString() : null,
					call.getTokenScopes());
		}
		return OperatorView.of(operator, clientAddress);
	}

}
