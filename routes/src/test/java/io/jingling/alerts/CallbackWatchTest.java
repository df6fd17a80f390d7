package io.jingling.alerts;

import java.io.IOException;
import java.time.Clock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockAsyncContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Each callback is counted once: a caller that goes away before the hub answers is
 * aborted, not refused, and many of those raise no alert; answers of 400 and above are
 * refusals.
 */
class CallbackWatchTest {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final OpsAlerts alerts = mock(OpsAlerts.class);

	private final CallbackWatch watch = new CallbackWatch(this.alerts, this.registry, Clock.systemUTC());

	@Test
	void aCallerThatGoesAwayIsCountedOnceAsAbortedAndRaisesNoAlert() throws Exception {
		for (int i = 0; i < CallbackWatch.MIN_REQUESTS * 2; i++) {
			MockAsyncContext async = asyncCallback(HttpServletResponse.SC_OK);
			for (AsyncListener listener : async.getListeners()) {
				listener.onError(new AsyncEvent(async, new IOException("Broken pipe")));
			}
			async.complete();
		}

		assertThat(count("aborted")).isEqualTo(CallbackWatch.MIN_REQUESTS * 2);
		assertThat(count("refused")).isZero();
		assertThat(count("accepted")).isZero();
		verify(this.alerts, never()).raise(any(), any(), any());
	}

	@Test
	void answersFromFourHundredUpAreRefusalsAndMostlyRefusedRaisesTheAlert() throws Exception {
		for (int i = 0; i < CallbackWatch.MIN_REQUESTS; i++) {
			asyncCallback(HttpServletResponse.SC_UNAUTHORIZED).complete();
		}
		asyncCallback(HttpServletResponse.SC_OK).complete();

		assertThat(count("refused")).isEqualTo(CallbackWatch.MIN_REQUESTS);
		assertThat(count("accepted")).isEqualTo(1);
		verify(this.alerts, atLeastOnce()).raise(any(), any(), any());
	}

	/** A robot callback the route answers later with that status. */
	private MockAsyncContext asyncCallback(int status) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/callbacks/dingtalk/robot");
		request.setAsyncSupported(true);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.watch.doFilter(request, response, (req, res) -> {
			req.startAsync();
			((HttpServletResponse) res).setStatus(status);
		});
		return (MockAsyncContext) request.getAsyncContext();
	}

	private double count(String outcome) {
		var counter = this.registry.find("jingling.callbacks").tag("outcome", outcome).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
