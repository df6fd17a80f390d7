package io.jingling.security;

import java.time.Clock;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;

/**
 * The console and the API need a logged-in user with the right role: unauthenticated API
 * calls get 401, console pages redirect to {@code /login}, a wrong role gets 403.
 * Platform callbacks and health probes are outside; they are checked by the platforms'
 * own signatures. CSRF protection is on for everything but the callbacks; the token is
 * also in the {@code XSRF-TOKEN} cookie for API clients.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, AddressThrottle throttle) throws Exception {
		// @formatter:off
		http
			.addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/callbacks/**", "/actuator/health/**", "/actuator/prometheus", "/login", "/error",
						"/console/**", "/webjars/**").permitAll()
				.requestMatchers("/config", "/dead-letters", "/audit").hasRole("ADMIN")
				.requestMatchers("/assist-requests/new").hasRole("DISPATCHER")
				.requestMatchers(HttpMethod.POST, "/assist-requests").hasRole("DISPATCHER")
				.requestMatchers("/api/informants/**").hasRole("INFORMANT_IDENTITY")
				.requestMatchers("/api/config/**").hasRole("ADMIN")
				.requestMatchers("/api/audit/**", "/api/dead-letters/**").hasRole("ADMIN")
				.requestMatchers(HttpMethod.POST, "/api/assist-requests").hasRole("DISPATCHER")
				.requestMatchers("/api/orders/**", "/api/assist-requests/**", "/api/circles/**")
					.hasAnyRole("ADMIN", "DISPATCHER", "VIEWER", "OFFICER")
				.requestMatchers(HttpMethod.POST, "/api/tips/*/rating").hasAnyRole("DISPATCHER", "OFFICER")
				.requestMatchers("/api/tips/tally").hasAnyRole("ADMIN", "DISPATCHER", "VIEWER")
				.requestMatchers("/api/tips/**").hasAnyRole("ADMIN", "DISPATCHER", "OFFICER")
				.anyRequest().authenticated())
			.formLogin((login) -> login.loginPage("/login").permitAll())
			.logout((logout) -> logout.permitAll())
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/callbacks/**")
				.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
				.csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(
					new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), new AntPathRequestMatcher("/api/**")));
		// @formatter:on
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * Counts failed logins per source address, so guessing across accounts from one place
	 * is slowed too.
	 */
	@Bean
	AddressThrottle addressThrottle(Clock clock) {
		return new AddressThrottle(clock);
	}

	/**
	 * Keeps the address throttle out of the servlet container's own filter chain: it runs
	 * only inside Spring Security's.
	 */
	@Bean
	FilterRegistrationBean<AddressThrottle> addressThrottleRegistration(AddressThrottle throttle) {
		FilterRegistrationBean<AddressThrottle> registration = new FilterRegistrationBean<>(throttle);
		registration.setEnabled(false);
		return registration;
	}

	/**
	 * Counts failed logins per user, so guessing a password locks the account a while.
	 */
	@Bean
	LoginThrottle loginThrottle(ConsoleUsers users) {
		return new LoginThrottle(users);
	}

	static class LoginThrottle {

		private final ConsoleUsers users;

		LoginThrottle(ConsoleUsers users) {
			this.users = users;
		}

		@EventListener
		void failed(AuthenticationFailureBadCredentialsEvent event) {
			this.users.failed(event.getAuthentication().getName());
		}

		@EventListener
		void succeeded(AuthenticationSuccessEvent event) {
			this.users.succeeded(event.getAuthentication().getName());
		}

	}

}
