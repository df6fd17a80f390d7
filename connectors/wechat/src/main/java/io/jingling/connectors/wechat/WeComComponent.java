package io.jingling.connectors.wechat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import io.jingling.connectors.wechat.client.WeComClient;
import io.jingling.connectors.wechat.client.WeComSettings;
import io.jingling.connectors.wechat.client.WxJavaWeComClient;

/**
 * The {@code wecom} component: {@code wecom:create-group-task}, {@code wecom:remind},
 * {@code wecom:cancel}, {@code wecom:send-kf-text}. Uses the {@link WeComClient} it is
 * given (or the single one in the registry); otherwise builds a WxJava client from its
 * configuration, and refuses to create an endpoint when a credential is missing.
 */
@Component("wecom")
public class WeComComponent extends DefaultComponent {

	@Metadata(description = "Options shared by every endpoint; endpoint options override them.")
	private WeComConfiguration configuration = new WeComConfiguration();

	@Metadata(autowired = true, description = "The client to use instead of one built from the configuration.")
	private WeComClient client;

	// one client per app and host, so endpoints of one app share its cached access token
	private final Map<WeComSettings, WeComClient> builtClients = new ConcurrentHashMap<>();

	@Override
	protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
		WeComOperation operation = WeComOperation.fromUri(remaining);
		WeComConfiguration endpointConfiguration = this.configuration.copy();
		setProperties(endpointConfiguration, parameters);
		WeComEndpoint endpoint = new WeComEndpoint(uri, this, operation, endpointConfiguration);
		setProperties(endpoint, parameters);
		if (injectedClient() == null) {
			endpointConfiguration.toSettings(); // fails fast, naming the missing key
		}
		return endpoint;
	}

	WeComClient clientFor(WeComConfiguration endpointConfiguration) {
		WeComClient injected = injectedClient();
		if (injected != null) {
			return injected;
		}
		return this.builtClients.computeIfAbsent(endpointConfiguration.toSettings(), WxJavaWeComClient::new);
	}

	private WeComClient injectedClient() {
		if (this.client == null && isAutowiredEnabled()) {
			this.client = getCamelContext().getRegistry().findSingleByType(WeComClient.class);
		}
		return this.client;
	}

	public WeComConfiguration getConfiguration() {
		return this.configuration;
	}

	public void setConfiguration(WeComConfiguration configuration) {
		this.configuration = configuration;
	}

	public WeComClient getClient() {
		return this.client;
	}

	public void setClient(WeComClient client) {
		this.client = client;
	}

}
