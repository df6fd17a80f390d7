package io.jingling.connectors.wechat.client;

import java.io.IOException;

import com.google.gson.JsonParseException;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.jingling.connectors.TransientConnectorException;

// Runs one WxJava call and turns its exceptions into ours. WxJava throws WxErrorException for
// an errcode, WxRuntimeException around an IOException when no answer came, and a
// WxRuntimeException without a cause when it gave up retrying -1 (busy).
final class WxCalls {

	private static final Logger log = LoggerFactory.getLogger(WxCalls.class);

	private WxCalls() {
	}

	static <T> T call(String operation, WxCall<T> call) {
		try {
			return call.call();
		}
		catch (WxErrorException ex) {
			int code = ex.getError().getErrorCode();
			log.warn("wecom.call failed operation={} code={}", operation, code);
			throw WeChatErrors.exception(operation, code, ex);
		}
		catch (WxRuntimeException ex) {
			IOException io = ioCause(ex);
			if (io != null) {
				log.warn("wecom.call failed operation={} cause={}", operation, io.getClass().getSimpleName());
				throw WeChatErrors.unreachable(operation, io);
			}
			log.warn("wecom.call failed operation={} code=-1 after WxJava's retry", operation);
			throw WeChatErrors.exception(operation, -1, ex);
		}
		catch (IOException ex) {
			log.warn("wecom.call failed operation={} cause={}", operation, ex.getClass().getSimpleName());
			throw WeChatErrors.unreachable(operation, ex);
		}
		catch (JsonParseException ex) {
			log.warn("wecom.call failed operation={} cause=unreadable answer", operation);
			throw new TransientConnectorException(WeChatErrors.PLATFORM, "bad-answer",
					"WeCom " + operation + " failed: the answer was not WeCom JSON.", ex);
		}
	}

	private static IOException ioCause(Throwable ex) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof IOException io) {
				return io;
			}
		}
		return null;
	}

	// One WxJava call.
	@FunctionalInterface
	interface WxCall<T> {

		T call() throws WxErrorException, IOException;

	}

}
