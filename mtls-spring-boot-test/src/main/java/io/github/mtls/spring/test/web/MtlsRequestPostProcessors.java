package io.github.mtls.spring.test.web;

import java.security.cert.X509Certificate;

import org.jspecify.annotations.Nullable;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.Assert;

import io.github.mtls.spring.test.pki.IssuedCertificate;

/**
 * MockMvc {@link RequestPostProcessor}s that make a request look like a mutual-TLS call
 * from a MyData operator, in the style of Spring Security's
 * {@code SecurityMockMvcRequestPostProcessors.x509(...)}: the certificate chain goes in
 * the {@value #CERTIFICATE_ATTRIBUTE} request attribute, where the servlet container puts
 * a TLS peer's chain, and the starter authenticates it as it would a real one.
 *
 * <pre class="code">
 * mvc.perform(get("/v2/bank/accounts").with(operator(fintech).remoteAddress("203.0.113.7").tranId("A1AAER0000M000000001")))
 *     .andExpect(status().isOk());
 * </pre>
 *
 * @author mtls-spring-boot
 */
public final class MtlsRequestPostProcessors {

	/**
	 * The servlet request attribute of the TLS peer's certificate chain.
	 */
	public static final String CERTIFICATE_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

	private MtlsRequestPostProcessors() {
	}

	/**
	 * Present an operator's certificate with its chain (the root left out, as a TLS peer
	 * sends it).
	 * @param certificate the operator's certificate
	 * @return the post-processor
	 */
	public static OperatorRequestPostProcessor operator(IssuedCertificate certificate) {
		Assert.notNull(certificate, "certificate cannot be null");
		return new OperatorRequestPostProcessor(certificate.presentedChain());
	}

	/**
	 * Present a certificate chain as it is.
	 * @param chain the chain, leaf first
	 * @return the post-processor
	 */
	public static OperatorRequestPostProcessor chain(X509Certificate... chain) {
		Assert.notEmpty(chain, "chain cannot be empty");
		return new OperatorRequestPostProcessor(chain.clone());
	}

	/**
	 * Sets the certificate chain and, optionally, the caller's address and
	 * {@code x-api-tran-id}.
	 */
	public static final class OperatorRequestPostProcessor implements RequestPostProcessor {

		private final X509Certificate[] chain;

		private @Nullable String remoteAddress;

		private @Nullable String tranId;

		private OperatorRequestPostProcessor(X509Certificate[] chain) {
			this.chain = chain;
		}

		/**
		 * Call from this address (the TCP peer address MockMvc reports; 127.0.0.1 by
		 * default), for IP allowlists.
		 * @param remoteAddress an IPv4 or IPv6 literal
		 * @return this post-processor
		 */
		public OperatorRequestPostProcessor remoteAddress(String remoteAddress) {
			Assert.hasText(remoteAddress, "remoteAddress cannot be empty");
			this.remoteAddress = remoteAddress;
			return this;
		}

		/**
		 * Send this {@code x-api-tran-id}.
		 * @param tranId the transaction id
		 * @return this post-processor
		 */
		public OperatorRequestPostProcessor tranId(String tranId) {
			Assert.notNull(tranId, "tranId cannot be null");
			this.tranId = tranId;
			return this;
		}

		@Override
		public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
			request.setAttribute(CERTIFICATE_ATTRIBUTE, this.chain.clone());
			request.setScheme("https");
			request.setSecure(true);
			if (request.getServerPort() == 80) {
				request.setServerPort(443);
			}
			if (this.remoteAddress != null) {
				request.setRemoteAddr(this.remoteAddress);
				request.setRemoteHost(this.remoteAddress);
			}
			if (this.tranId != null) {
				request.addHeader("x-api-tran-id", this.tranId);
			}
			return request;
		}

	}

}
