package io.jingling.connectors.sms;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import io.jingling.connectors.sms.client.SmsClient;

/**
 * The {@code sms} component: {@code sms:send} and {@code sms:send-batch} over Aliyun SMS.
 * Uses the {@link SmsClient} it is given, or the single one in the registry, and refuses
 * to create an endpoint without one. Credentials, sign name and templates belong to the
 * client ({@link SmsConfiguration} builds it from {@code jingling.sms.*}), so the URI
 * carries none.
 */
@Component("sms")
public class SmsComponent extends DefaultComponent {

	@Metadata(autowired = true, description = "The client to send with; by default the single one in the registry.")
	private SmsClient client;

	@Override
	protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
		SmsEndpoint endpoint = new SmsEndpoint(uri, this, SmsOperation.fromUri(remaining));
		setProperties(endpoint, parameters);
		client(); // fails fast, so a route without a client never starts
		return endpoint;
	}

	SmsClient client() {
		if (this.client == null && isAutowiredEnabled()) {
			this.client = getCamelContext().getRegistry().findSingleByType(SmsClient.class);
		}
		if (this.client == null) {
			throw new IllegalStateException("No SmsClient for the sms component: set one with setClient(..) or bind "
					+ "exactly one SmsClient (with Spring Boot, set jingling.sms.access-key-id)");
		}
		return this.client;
	}

	public SmsClient getClient() {
		return this.client;
	}

	public void setClient(SmsClient client) {
		this.client = client;
	}

}
