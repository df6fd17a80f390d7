package io.jingling.connectors.dingtalk;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import io.jingling.connectors.dingtalk.client.DingTalkClient;
import io.jingling.connectors.dingtalk.client.DingTalkSettings;
import io.jingling.connectors.dingtalk.client.SdkDingTalkClient;

/**
 * The {@code dingtalk} component: {@code dingtalk:send-group},
 * {@code dingtalk:send-users}, {@code dingtalk:ding}, {@code dingtalk:reply},
 * {@code dingtalk:send-work-notice}, {@code dingtalk:recall}. Uses the
 * {@link DingTalkClient} it is given (or the single one in the registry); otherwise
 * builds an SDK client from its configuration, and refuses to create an endpoint when a
 * credential is missing.
 */
@Component("dingtalk")
public class DingTalkComponent extends DefaultComponent {

	@Metadata(description = "Options shared by every endpoint; endpoint options override them.")
	private DingTalkConfiguration configuration = new DingTalkConfiguration();

	@Metadata(autowired = true, description = "The client to use instead of one built from the configuration.")
	private DingTalkClient client;

	// one client per app and host, so endpoints of one app share its cached access token
	private final Map<DingTalkSettings, DingTalkClient> builtClients = new ConcurrentHashMap<>();

	@Override
	protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
		DingTalkOperation operation = DingTalkOperation.fromUri(remaining);
		DingTalkConfiguration endpointConfiguration = this.configuration.copy();
		setProperties(endpointConfiguration, parameters);
		DingTalkEndpoint endpoint = new DingTalkEndpoint(uri, this, operation, endpointConfiguration);
		setProperties(endpoint, parameters);
		if (injectedClient() == null) {
			endpointConfiguration.toSettings(); // fails fast, naming the missing
												// credential
		}
		return endpoint;
	}

	DingTalkClient clientFor(DingTalkConfiguration endpointConfiguration) {
		DingTalkClient injected = injectedClient();
		if (injected != null) {
			return injected;
		}
		return this.builtClients.computeIfAbsent(endpointConfiguration.toSettings(),
				(settings) -> new SdkDingTalkClient(settings, Clock.systemUTC()));
	}

	private DingTalkClient injectedClient() {
		if (this.client == null && isAutowiredEnabled()) {
			this.client = getCamelContext().getRegistry().findSingleByType(DingTalkClient.class);
		}
		return this.client;
	}

	public DingTalkConfiguration getConfiguration() {
		return this.configuration;
	}

	public void setConfiguration(DingTalkConfiguration configuration) {
		this.configuration = configuration;
	}

	public DingTalkClient getClient() {
		return this.client;
	}

	public void setClient(DingTalkClient client) {
		this.client = client;
	}

}
