package io.jingling.connectors.sms.client;

import java.util.Map;
import java.util.concurrent.Callable;

import com.aliyun.tea.TeaException;
import com.aliyun.tea.TeaUnretryableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.jingling.connectors.ConnectorException;
import io.jingling.connectors.TransientConnectorException;

// Runs one SDK call and turns the SDK's exceptions into ours. The SDK throws TeaException for
// an HTTP error answer (code, status and the error body, RequestId included, in its data) and
// TeaUnretryableException when no answer came. Nothing logged here names a number.
final class SdkCalls {

	private static final Logger log = LoggerFactory.getLogger(SdkCalls.class);

	private SdkCalls() {
	}

	// reference names the call in the log: outId=.. for sends, bizId=.. for queries
	static <T> T call(String operation, String reference, Callable<T> call) {
		try {
			return call.call();
		}
		catch (TeaException ex) {
			int status = statusOf(ex);
			String requestId = textOf(ex.getData(), "RequestId");
			ConnectorException failure = SmsErrors.http(operation, status, ex.getCode(), requestId);
			log.warn("sms.{} failed {} status={} code={} requestId={}", operation, reference, status, failure.code(),
					requestId);
			throw failure;
		}
		catch (TeaUnretryableException ex) {
			Throwable cause = rootCause(ex);
			log.warn("sms.{} failed {} cause={}", operation, reference, cause.getClass().getSimpleName());
			throw SmsErrors.unreachable(operation, cause);
		}
		catch (Exception ex) {
			log.warn("sms.{} failed {} cause={}", operation, reference, ex.getClass().getSimpleName());
			throw new TransientConnectorException(SmsErrors.PLATFORM, "sdk",
					"Aliyun SMS " + operation + " failed in the SDK (" + ex.getClass().getSimpleName() + ").", ex);
		}
	}

	// The SDK wraps an I/O failure in its own exceptions; the log names the I/O failure.
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

}
