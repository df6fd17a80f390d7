package io.jingling.connectors.dingtalk.client;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import com.aliyun.tea.TeaException;
import com.aliyun.tea.TeaUnretryableException;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teautil.models.RuntimeOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.jingling.connectors.TransientConnectorException;

// Runs one SDK call and turns the SDK's exceptions into ours. The SDK throws TeaException
// for an HTTP error answer (code, status and request id inside) and TeaUnretryableException
// when no answer came.
final class SdkCalls {

	private static final Logger log = LoggerFactory.getLogger(SdkCalls.class);

	private SdkCalls() {
	}

	// Calls with the app's access token, refreshing it once when DingTalk rejects it.
	static <T> T withToken(AccessTokenCache tokens, String operation, TokenCall<T> call) {
		return tokens.withToken(operation, (token) -> call(operation, () -> call.apply(token)));
	}

	static <T> T call(String operation, Callable<T> call) {
		try {
			return call.call();
		}
		catch (TeaException ex) {
			int status = statusOf(ex);
			String requestId = textOf(ex.getData(), "requestid");
			log.warn("dingtalk.call failed operation={} status={} code={} requestId={}", operation, status,
					ex.getCode(), requestId);
			throw DingTalkErrors.exception(operation, status, ex.getCode(), requestId);
		}
		catch (TeaUnretryableException ex) {
			Throwable cause = rootCause(ex);
			log.warn("dingtalk.call failed operation={} cause={}", operation, cause.getClass().getSimpleName());
			throw DingTalkErrors.unreachable(operation, cause);
		}
		catch (Exception ex) {
			throw new TransientConnectorException(DingTalkErrors.PLATFORM, "sdk",
					"DingTalk " + operation + " failed in the SDK (" + ex.getClass().getSimpleName() + ").", ex);
		}
	}

	// The SDK's own retries are off: the hub's outbox owns retries, and the two would
	// multiply.
	static RuntimeOptions runtime(Duration timeout) {
		int millis = (int) timeout.toMillis();
		return new RuntimeOptions().setAutoretry(false)
			.setMaxAttempts(0)
			.setReadTimeout(millis)
			.setConnectTimeout(millis);
	}

	// Points an SDK client at apiUrl, so the simulator can stand in for api.dingtalk.com.
	static Config config(DingTalkSettings settings) {
		int millis = (int) settings.timeout().toMillis();
		String host = settings.apiUrl().getHost();
		int port = settings.apiUrl().getPort();
		return new Config().setProtocol(settings.apiUrl().getScheme())
			.setEndpoint((port == -1) ? host : host + ":" + port)
			.setRegionId("central")
			.setReadTimeout(millis)
			.setConnectTimeout(millis);
	}

	// The SDK wraps an I/O failure in two of its own exceptions; the log names the I/O
	// failure.
	private static Throwable rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getClass().getName().startsWith("com.aliyun.tea.")) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static int statusOf(TeaException ex) {
		if (ex.getStatusCode() != null) {
			return ex.getStatusCode();
		}
		String status = textOf(ex.getData(), "statusCode");
		return (status != null) ? Integer.parseInt(status) : 0;
	}

	private static String textOf(Map<String, Object> data, String key) {
		Object value = (data != null) ? data.get(key) : null;
		return (value != null) ? value.toString() : null;
	}

	// One SDK call made with the given access token.
	@FunctionalInterface
	interface TokenCall<T> {

		T apply(String token) throws Exception;

	}

}
