package io.jingling.connectors.wechat.mp;

import java.io.IOException;

import com.google.gson.JsonParseException;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

// Runs one WxJava call and turns its exceptions into ours. WxJava throws WxErrorException for
// an errcode, WxRuntimeException around an IOException when no answer came (QuietWxMpService
// and the token fetch both do), and a WxRuntimeException without a cause when it gave up
// retrying -1 (busy).
final class MpCalls {

	private static final Logger log = LoggerFactory.getLogger(MpCalls.class);

	private MpCalls() {
	}

	static <T> T call(String operation, WxCall<T> call) {
		try {
			return call.call();
		}
		catch (WxErrorException ex) {
			int code = ex.getError().getErrorCode();
			log.warn("wxmp.call failed operation={} code={}", operation, code);
			throw MpErrors.exception(operation, code, ex);
		}
		catch (WxRuntimeException ex) {
			IOException io = ioCause(ex);
			if (io != null) {
				log.warn("wxmp.call failed operation={} cause={}", operation, io.getClass().getSimpleName());
				throw MpErrors.unreachable(operation, io);
			}
			log.warn("wxmp.call failed operation={} code=-1 after WxJava's retry", operation);
			throw MpErrors.exception(operation, -1, ex);
		}
		catch (JsonParseException ex) {
			log.warn("wxmp.call failed operation={} cause=unreadable answer", operation);
			throw MpErrors.unreadable(operation, ex);
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

		T call() throws WxErrorException;

	}

}
