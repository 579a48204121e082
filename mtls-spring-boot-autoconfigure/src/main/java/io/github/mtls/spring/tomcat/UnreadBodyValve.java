package io.github.mtls.spring.tomcat;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Keeps Tomcat from waiting, after a refusal, for a request body nobody read. To reuse a
 * connection Tomcat reads the rest of the body (up to {@code maxSwallowSize}, 2MB) before
 * it sends the answer's end, each read bounded only by the connection timeout: a peer
 * that announces a body and never sends it, or sends a byte now and then, holds a request
 * thread for as long as it likes even when its request is refused, and a few hundred such
 * peers stop every connector sharing the pool. For an answer of 400 or more whose body
 * was not read, this valve sends the answer at once and tells Tomcat not to wait: the
 * connection is then closed, as Tomcat does itself for a failed upload. A refused caller
 * that sent a body opens a new connection for its next request.
 * <p>
 * An engine valve, so that it runs after the host's error-page handling: telling Tomcat
 * not to wait marks the exchange as failed, which would otherwise start an error page;
 * the answer is committed first so that it keeps its status. Nothing changes for a
 * request without a body, an asynchronous one, or an answer below 400. A handler that
 * reads the body, or an open path whose answer is a success, still waits as long as the
 * peer sends: a WAF or proxy that buffers request bodies belongs in front of any servlet
 * container.
 *
 * @author mtls-spring-boot
 */
public final class UnreadBodyValve extends ValveBase {

	/**
	 * Create the valve.
	 */
	public UnreadBodyValve() {
		super(true);
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		getNext().invoke(request, response);
		if (response.getStatus() < 400 || request.isAsync()) {
			return;
		}
		org.apache.coyote.Request coyote = request.getCoyoteRequest();
		long contentLength = coyote.getContentLengthLong();
		if (contentLength == 0 || (contentLength == -1 && coyote.getHeader("transfer-encoding") == null)
				|| fullyRead(coyote)) {
			return;
		}
		try {
			response.flushBuffer();
		}
		catch (IOException ex) {
			// The peer is gone; the connection closes either way.
		}
		coyote.action(ActionCode.DISABLE_SWALLOW_INPUT, null);
	}

	private static boolean fullyRead(org.apache.coyote.Request coyote) {
		AtomicBoolean result = new AtomicBoolean();
		coyote.action(ActionCode.REQUEST_BODY_FULLY_READ, result);
		return result.get();
	}

}
