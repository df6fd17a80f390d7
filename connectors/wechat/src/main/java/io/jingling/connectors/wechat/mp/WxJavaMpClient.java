package io.jingling.connectors.wechat.mp;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;

import io.jingling.connectors.TransientConnectorException;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.jingling.connectors.TokenWatch;
import io.jingling.connectors.wechat.internal.TimeoutHttpClientBuilder;

/**
 * {@link MpClient} over WxJava ({@code weixin-java-mp}). The API host comes from
 * {@link MpSettings#apiUrl()} ({@code WxMpHostConfig}), so the simulator can stand in;
 * the access token comes from {@code GET /cgi-bin/token}. WxJava caches the token and, on
 * a token error, refreshes it and repeats the call once; its busy (-1) retry is cut to
 * one quick repeat, because the hub's outbox owns retries and the two would multiply.
 *
 * @see <a href=
 * "https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Get_access_token.html">mp:
 * access token</a>
 */
public final class WxJavaMpClient implements MpClient {

	private static final Logger log = LoggerFactory.getLogger(WxJavaMpClient.class);

	// WxJava turns every errcode into a codeless WxRuntimeException when maxRetryTimes is
	// 0,
	// so 1 is the lowest setting that keeps the platform's codes: one repeat after a busy
	// answer.
	static final int MAX_RETRY_TIMES = 1;

	static final int RETRY_SLEEP_MILLIS = 100;

	private final QuietWxMpService service;

	public WxJavaMpClient(MpSettings settings) {
		this(settings, TokenWatch.NONE);
	}

	/**
	 * @param tokenWatch told when WeChat refuses to issue the account's access token
	 */
	public WxJavaMpClient(MpSettings settings, TokenWatch tokenWatch) {
		String apiHost = settings.apiUrl().toString();
		WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
		config.setHostConfig(
				new WxMpHostConfig(apiHost.endsWith("/") ? apiHost.substring(0, apiHost.length() - 1) : apiHost,
						WxMpHostConfig.OPEN_DEFAULT_HOST_URL, WxMpHostConfig.MP_DEFAULT_HOST_URL));
		config.setAppId(settings.appId());
		config.setSecret(settings.secret());
		config.setApacheHttpClientBuilder(new TimeoutHttpClientBuilder(settings.timeout()));
		this.service = new QuietWxMpService(tokenWatch);
		this.service.setWxMpConfigStorage(config);
		this.service.setMaxRetryTimes(MAX_RETRY_TIMES);
		this.service.setRetrySleepMillis(RETRY_SLEEP_MILLIS);
	}

	@Override
	public String sendKefuText(String openId, String text) {
		WxMpKefuMessage message = WxMpKefuMessage.TEXT().toUser(openId).content(text).build();
		MpCalls.call("kefu send", () -> this.service.getKefuService().sendKefuMessageWithResponse(message));
		log.info("wxmp.kefu sent length={}", text.length());
		return "";
	}

	@Override
	public byte[] downloadMedia(String mediaId) {
		File file = MpCalls.call("media get", () -> this.service.getMaterialService().mediaDownload(mediaId));
		try {
			byte[] content = Files.readAllBytes(file.toPath());
			log.info("wxmp.media downloaded bytes={}", content.length);
			return content;
		}
		catch (IOException ex) {
			throw new TransientConnectorException("wxmp", "media.read", "downloaded media could not be read", ex);
		}
		finally {
			file.delete();
		}
	}

}
