package io.github.mtls.spring.source;

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Records the connection's peer address ({@link Request#getPeerAddr()}, which
 * {@code RemoteIpValve} leaves alone) in the {@link PeerAddress#ATTRIBUTE} request
 * attribute. A context valve, so it runs after any engine valve.
 *
 * @author mtls-spring-boot
 */
public final class PeerAddressValve extends ValveBase {

	/**
	 * Create the valve.
	 */
	public PeerAddressValve() {
		super(true);
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		request.setAttribute(PeerAddress.ATTRIBUTE, request.getPeerAddr());
		getNext().invoke(request, response);
	}

}
