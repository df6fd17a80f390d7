package io.jingling.connectors.wechat.internal;

import java.time.Duration;

import me.chanjar.weixin.common.util.http.apache.ApacheHttpClientBuilder;
import org.apache.http.client.HttpRequestRetryHandler;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.conn.ConnectionKeepAliveStrategy;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

/**
 * The HTTP client WxJava uses for one WeCom app or Official Account, with our timeout.
 * WxJava's default builder is a JVM-wide singleton with fixed 5 s timeouts; this one
 * belongs to one client. WxJava passes its config's proxy and TLS settings here; the hub
 * sets none, so they are ignored. The connection manager is marked shared because
 * WxJava's WeCom service closes the client after every token fetch.
 */
public final class TimeoutHttpClientBuilder implements ApacheHttpClientBuilder {

	private static final int MAX_CONNECTIONS = 20;

	private final Duration timeout;

	public TimeoutHttpClientBuilder(Duration timeout) {
		this.timeout = timeout;
	}

	@Override
	public CloseableHttpClient build() {
		int millis = (int) this.timeout.toMillis();
		PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager();
		connections.setMaxTotal(MAX_CONNECTIONS);
		connections.setDefaultMaxPerRoute(MAX_CONNECTIONS);
		return HttpClients.custom()
			.setConnectionManager(connections)
			.setConnectionManagerShared(true)
			.setDefaultRequestConfig(RequestConfig.custom()
				.setConnectTimeout(millis)
				.setSocketTimeout(millis)
				.setConnectionRequestTimeout(millis)
				.build())
			.disableAutomaticRetries() // the hub's outbox owns retries
			.build();
	}

	@Override
	public ApacheHttpClientBuilder httpProxyHost(String httpProxyHost) {
		return this;
	}

	@Override
	public ApacheHttpClientBuilder httpProxyPort(int httpProxyPort) {
		return this;
	}

	@Override
	public ApacheHttpClientBuilder httpProxyUsername(String httpProxyUsername) {
		return this;
	}

	@Override
	public ApacheHttpClientBuilder httpProxyPassword(String httpProxyPassword) {
		return this;
	}

	@Override
	public ApacheHttpClientBuilder httpRequestRetryHandler(HttpRequestRetryHandler httpRequestRetryHandler) {
		return this;
	}

	@Override
	public ApacheHttpClientBuilder keepAliveStrategy(ConnectionKeepAliveStrategy keepAliveStrategy) {
		return this;
	}

	@Override
	public ApacheHttpClientBuilder sslConnectionSocketFactory(SSLConnectionSocketFactory sslConnectionSocketFactory) {
		return this;
	}

}
