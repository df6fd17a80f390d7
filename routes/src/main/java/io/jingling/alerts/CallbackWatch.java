package io.jingling.alerts;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Watches the platforms' callbacks: each is counted once in {@code jingling.callbacks}
 * (tags {@code endpoint}, {@code outcome} accepted, refused, or aborted when the caller
 * went away before the answer); when an endpoint refused more than half of at least
 * {@link #MIN_REQUESTS} requests within {@link #WINDOW}, the admins are told (a key or
 * address set up wrong, or forged calls).
 */
@Component
class CallbackWatch extends OncePerRequestFilter {

	static final Duration WINDOW = Duration.ofMinutes(5);

	static final int MIN_REQUESTS = 20;

	private static final Set<String> ENDPOINTS = Set.of("/callbacks/dingtalk/robot", "/callbacks/dingtalk/events",
			"/callbacks/wecom", "/callbacks/wxmp", "/callbacks/sms/{token}/report", "/callbacks/sms/{token}/up");

	private final OpsAlerts alerts;

	private final MeterRegistry registry;

	private final Clock clock;

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	CallbackWatch(OpsAlerts alerts, MeterRegistry registry, Clock clock) {
		this.alerts = alerts;
		this.registry = registry;
		this.clock = clock;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/callbacks/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String endpoint = endpoint(request.getRequestURI());
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (request.isAsyncStarted()) {
				request.getAsyncContext().addListener(new Answer(endpoint, response));
			}
			else {
				record(endpoint, (response.getStatus() >= 400) ? Outcome.REFUSED : Outcome.ACCEPTED);
			}
		}
	}

	/** What became of a callback. */
	enum Outcome {

		/** Answered below 400. */
		ACCEPTED,
		/** Answered 400 or above, or not answered in time. */
		REFUSED,
		/**
		 * The caller went away before the answer (it gave up, or a load test ended): not
		 * a refusal.
		 */
		ABORTED;

		String tag() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** Counts an answer the route gives later, once, with the status it set then. */
	private final class Answer implements AsyncListener {

		private final String endpoint;

		private final HttpServletResponse response;

		private final AtomicBoolean counted = new AtomicBoolean();

		Answer(String endpoint, HttpServletResponse response) {
			this.endpoint = endpoint;
			this.response = response;
		}

		@Override
		public void onComplete(AsyncEvent event) {
			count((this.response.getStatus() >= 400) ? Outcome.REFUSED : Outcome.ACCEPTED);
		}

		@Override
		public void onTimeout(AsyncEvent event) {
			count(Outcome.REFUSED);
		}

		@Override
		public void onError(AsyncEvent event) {
			count((event.getThrowable() instanceof IOException) ? Outcome.ABORTED : Outcome.REFUSED);
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
			event.getAsyncContext().addListener(this);
		}

		private void count(Outcome outcome) {
			if (this.counted.compareAndSet(false, true)) {
				record(this.endpoint, outcome);
			}
		}

	}

	private void record(String endpoint, Outcome outcome) {
		this.registry.counter("jingling.callbacks", "endpoint", endpoint, "outcome", outcome.tag()).increment();
		if (outcome == Outcome.ABORTED) {
			return;
		}
		Window window = this.windows.computeIfAbsent(endpoint, (e) -> new Window());
		long minute = this.clock.millis() / 60_000;
		int[] counts = window.add(minute, outcome == Outcome.REFUSED);
		if (counts[0] >= MIN_REQUESTS && counts[1] * 2 > counts[0]) {
			this.alerts.raise(OpsAlerts.Signal.CALLBACK_REFUSALS, endpoint, "回调 " + endpoint + " 近 5 分钟收到 " + counts[0]
					+ " 次请求，拒绝了 " + counts[1] + " 次（签名不对、过期或格式错误）。请核对平台后台的回调地址和密钥；若配置无误，可能有人伪造回调。");
		}
	}

	/**
	 * The endpoint as a tag: one of the hub's callback paths with the SMS token left out,
	 * or {@code /callbacks/other}, so no secret and no made-up path becomes a tag.
	 */
	static String endpoint(String uri) {
		String[] parts = uri.split("/");
		String path = (parts.length == 5 && "sms".equals(parts[2])) ? "/callbacks/sms/{token}/" + parts[4] : uri;
		return ENDPOINTS.contains(path) ? path : "/callbacks/other";
	}

	/** Requests and refusals per minute over the last {@link #WINDOW}. */
	private static final class Window {

		private final long[] minutes = new long[(int) WINDOW.toMinutes()];

		private final int[] requests = new int[this.minutes.length];

		private final int[] refusals = new int[this.minutes.length];

		synchronized int[] add(long minute, boolean refused) {
			int slot = (int) (minute % this.minutes.length);
			if (this.minutes[slot] != minute) {
				this.minutes[slot] = minute;
				this.requests[slot] = 0;
				this.refusals[slot] = 0;
			}
			this.requests[slot]++;
			if (refused) {
				this.refusals[slot]++;
			}
			int[] total = new int[2];
			for (int i = 0; i < this.minutes.length; i++) {
				if (minute - this.minutes[i] < this.minutes.length) {
					total[0] += this.requests[i];
					total[1] += this.refusals[i];
				}
			}
			return total;
		}

	}

}
