package io.jingling.connectors.wechat.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import me.chanjar.weixin.common.enums.WxType;
import me.chanjar.weixin.common.error.WxError;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.util.http.RequestExecutor;
import me.chanjar.weixin.common.util.http.ResponseHandler;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.client.HttpResponseException;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.util.EntityUtils;

// Downloads media into memory. WxJava's own executor writes every download to a temporary
// file; an informant's photo must not linger on disk. WeCom answers a failed download with a
// JSON errcode instead of the media, told apart by Content-Type.
final class MediaBytesExecutor implements RequestExecutor<byte[], String> {

	private final CloseableHttpClient http;

	MediaBytesExecutor(CloseableHttpClient http) {
		this.http = http;
	}

	@Override
	public byte[] execute(String uri, String query, WxType wxType) throws WxErrorException, IOException {
		HttpGet get = new HttpGet(uri + (uri.contains("?") ? "&" : "?") + query);
		try (CloseableHttpResponse response = this.http.execute(get)) {
			HttpEntity entity = response.getEntity();
			byte[] body = (entity != null) ? EntityUtils.toByteArray(entity) : new byte[0];
			int status = response.getStatusLine().getStatusCode();
			if (status != 200) {
				throw new HttpResponseException(status, "media download answered HTTP " + status);
			}
			Header type = response.getFirstHeader("Content-Type");
			String contentType = (type != null) ? type.getValue() : "";
			if (contentType.startsWith("application/json") || contentType.startsWith("text/plain")) {
				throw new WxErrorException(WxError.fromJson(new String(body, StandardCharsets.UTF_8), wxType));
			}
			return body;
		}
	}

	@Override
	public void execute(String uri, String query, ResponseHandler<byte[]> handler, WxType wxType)
			throws WxErrorException, IOException {
		handler.handle(execute(uri, query, wxType));
	}

}
