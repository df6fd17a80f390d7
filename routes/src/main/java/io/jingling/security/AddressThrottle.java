package io.jingling.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Login throttling per source address, on top of the per-account lock: an address with
 * {@link #MAX_FAILURES} failed logins within {@link #WINDOW} (whatever accounts it tried)
 * is sent back to the login form without a check until its oldest failure ages out.
 * Behind a proxy, the address is the client's only with
 * {@code server.forward-headers-strategy} set.
 */
class AddressThrottle extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(AddressThrottle.class);

	static final int MAX_FAILURES = 20;

	static final Duration WINDOW = Duration.ofMinutes(10);

	/** Beyond this many addresses, the quiet ones are forgotten first. */
	private static final int MAX_ADDRESSES = 10_000;

	private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

	private final Clock clock;

	AddressThrottle(Clock clock) {
		this.clock = clock;
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null) {
			if (this.failures.size() >= MAX_ADDRESSES) {
				this.failures.keySet().removeIf((address) -> recent(address) == 0);
			}
			Deque<Instant> times = this.failures.computeIfAbsent(details.getRemoteAddress(),
					(address) -> new ArrayDeque<>());
			synchronized (times) {
				times.addLast(this.clock.instant());
			}
		}
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (recent(request.getRemoteAddr()) >= MAX_FAILURES) {
			log.warn("console.login throttled: too many failed logins from one address");
			response.sendRedirect("/login?error&throttled");
			return;
		}
		chain.doFilter(request, response);
	}

	private int recent(String address) {
		Deque<Instant> times = this.failures.get(address);
		if (times == null) {
			return 0;
		}
		Instant since = this.clock.instant().minus(WINDOW);
		synchronized (times) {
			while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
				times.removeFirst();
			}
			return times.size();
		}
	}

}
