package io.github.mtls.spring.observability;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationListener;

import io.github.mtls.spring.security.MtlsRejectionEvent;

/**
 * Writes one audit line per refused request: reason, MyData code, method, path,
 * certificate fingerprint, operator org codes and the connector the request came in on
 * ({@code main} or {@code partner}). Never certificate contents.
 *
 * @author mtls-spring-boot
 */
public final class MtlsAuditListener implements ApplicationListener<MtlsRejectionEvent> {

	private final Log logger = LogFactory.getLog(getClass());

	@Override
	public void onApplicationEvent(MtlsRejectionEvent event) {
		if (!this.logger.isInfoEnabled()) {
			return;
		}
		this.logger.info("mTLS request refused: reason=" + event.getReason() + " rsp_code=" + event.getRspCode()
				+ " method=" + printable(event.getMethod()) + " path=" + printable(event.getPath()) + " fingerprint="
				+ ((event.getFingerprint() != null) ? event.getFingerprint() : "-") + " org_codes="
				+ event.getOrgCodes() + " connector=" + event.getConnector());
	}

	private static String printable(String text) {
		StringBuilder builder = new StringBuilder(Math.min(text.length(), 256));
		for (int i = 0; i < text.length() && i < 256; i++) {
			char c = text.charAt(i);
			builder.append((c < 0x20 || c == 0x7f) ? '?' : c);
		}
		return builder.toString();
	}

}
