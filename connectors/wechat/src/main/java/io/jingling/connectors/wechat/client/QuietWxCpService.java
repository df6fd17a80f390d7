package io.jingling.connectors.wechat.client;

import java.io.IOException;

import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.enums.WxType;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.common.util.http.RequestExecutor;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.jingling.connectors.TokenWatch;

// WxJava's service with its request step rewritten only to stop logging: WxJava 4.7.3.B logs
// every failed call at WARN (and every call at DEBUG) with the URL, access token included,
// and the request body, which for 微信客服 holds the informant's id and the reply text.
// The behaviour is WxJava's: on a token error code, drop the token, fetch a new one and
// repeat the call once, never more. A token request WeCom refuses is told to the token watch.
final class QuietWxCpService extends WxCpServiceImpl {

	private static final Logger log = LoggerFactory.getLogger(QuietWxCpService.class);

	private final TokenWatch tokenWatch;

	QuietWxCpService(TokenWatch tokenWatch) {
		this.tokenWatch = tokenWatch;
	}

	@Override
	protected <T, E> T executeInternal(RequestExecutor<T, E> executor, String uri, E data, boolean doNotAutoRefresh)
			throws WxErrorException {
		String uriWithToken = uri + (uri.contains("?") ? "&" : "?") + "access_token=" + token();
		try {
			return executor.execute(uriWithToken, data, WxType.CP);
		}
		catch (WxErrorException ex) {
			int code = ex.getError().getErrorCode();
			if (WxConsts.ACCESS_TOKEN_ERROR_CODES.contains(code)) {
				this.configStorage.expireAccessToken();
				if (!doNotAutoRefresh) {
					log.info("wecom.token rejected code={}, refreshing once", code);
					return executeInternal(executor, uri, data, true);
				}
			}
			throw ex;
		}
		catch (IOException ex) {
			throw new WxRuntimeException(ex);
		}
	}

	private String token() throws WxErrorException {
		try {
			return getAccessToken(false);
		}
		catch (WxErrorException ex) {
			this.tokenWatch.refused(WeChatErrors.exception("token request", ex.getError().getErrorCode(), ex));
			throw ex;
		}
	}

}
