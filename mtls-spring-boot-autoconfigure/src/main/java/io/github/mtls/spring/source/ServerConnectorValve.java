package io.github.mtls.spring.source;

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

import org.springframework.util.Assert;

/**
 * Records which connector a request came in on, {@link ServerConnector#PARTNER} for the
 * partner connector and {@link ServerConnector#MAIN} for any other, in the
 * {@value ServerConnector#ATTRIBUTE} request attribute. The partner connector is known by
 * identity, not by port, so a random port ({@code 0}) works too.
 *
 * @author mtls-spring-boot
 */
public final class ServerConnectorValve extends ValveBase {

	private final Connector partner;

	/**
	 * Create the valve.
	 * @param partner the partner connector
	 */
	public ServerConnectorValve(Connector partner) {
		super(true);
		Assert.notNull(partner, "partner cannot be null");
		this.partner = partner;
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		request.setAttribute(ServerConnector.ATTRIBUTE,
				(request.getConnector() == this.partner) ? ServerConnector.PARTNER : ServerConnector.MAIN);
		getNext().invoke(request, response);
	}

}
