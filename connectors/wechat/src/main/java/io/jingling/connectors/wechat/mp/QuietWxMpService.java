package io.jingling.connectors.wechat.mp;

import java.io.IOException;
import java.util.concurrent.locks.Lock;

import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.enums.WxType;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.common.util.http.RequestExecutor;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpConfigStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.jingling.connectors.TokenWatch;

// WxJava's service with its request step rewritten only to stop logging: WxJava 4.7.3.B logs
// every failed call at WARN (and every call at DEBUG) with the URL, access token included,
// and the request body, which for kefu messages holds the follower's openid and the reply
// text. The behaviour is WxJava's: on a token error code, drop the token unless another call
// already replaced it, fetch a new one and repeat the call once, never more. Unlike WxJava, a
// call that got no answer throws WxRuntimeException (as the token fetch does) rather than a
// WxErrorException with code -99, so MpCalls tells "no answer" from an errcode. A token
// request WeChat refuses is told to the token watch.
final class QuietWxMpService extends WxMpServiceImpl {

	private static final Logger log = LoggerFactory.getLogger(QuietWxMpService.class);

	private final TokenWatch tokenWatch;

	QuietWxMpService(TokenWatch tokenWatch) {
		this.tokenWatch = tokenWatch;
	}

	@Override
	protected <T, E> T executeInternal(RequestExecutor<T, E> executor, String uri, E data, boolean doNotAutoRefresh)
			throws WxErrorException {
		String accessToken = token();
		String uriWithToken = uri + (uri.contains("?") ? "&" : "?") + "access_token=" + accessToken;
		try {
			return executor.execute(uriWithToken, data, WxType.MP);
		}
		catch (WxErrorException ex) {
			int code = ex.getError().getErrorCode();
			if (WxConsts.ACCESS_TOKEN_ERROR_CODES.contains(code)) {
				expire(accessToken);
				if (!doNotAutoRefresh) {
					log.info("wxmp.token rejected code={}, refreshing once", code);
					return executeInternal(executor, uri, data, true);
				}
			}
			throw ex;
		}
		catch (IOException ex) {
			throw new WxRuntimeException(ex);
		}
	}

	private void expire(String rejected) {
		WxMpConfigStorage config = getWxMpConfigStorage();
		Lock lock = config.getAccessTokenLock();
		lock.lock();
		try {
			if (rejected.equals(config.getAccessToken())) {
				config.expireAccessToken();
			}
		}
		finally {
			lock.unlock();
		}
	}

	private String token() throws WxErrorException {
		try {
			return getAccessToken(false);
		}
		catch (WxErrorException ex) {
			this.tokenWatch.refused(MpErrors.exception("token request", ex.getError().getErrorCode(), ex));
			throw ex;
		}
	}

}
