package io.jingling.security;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The console's first users. The embedded default creates the demo users
 * {@code demo-admin}, {@code demo-dispatcher} and {@code demo-officer} (password
 * {@code jingling-demo}; {@code demo-officer} is officer {@code officer01}, 张伟).
 * {@code prod} creates none of them: it takes the first admin from
 * {@code JINGLING_ADMIN_USER} / {@code JINGLING_ADMIN_PASSWORD} when no admin exists.
 */
@Component
class DemoUsers {

	private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

	static final String DEMO_PASSWORD = "jingling-demo";

	private final ConsoleUsers users;

	private final Environment environment;

	private final String adminUser;

	private final String adminPassword;

	DemoUsers(ConsoleUsers users, Environment environment, @Value("${JINGLING_ADMIN_USER:}") String adminUser,
			@Value("${JINGLING_ADMIN_PASSWORD:}") String adminPassword) {
		this.users = users;
		this.environment = environment;
		this.adminUser = adminUser;
		this.adminPassword = adminPassword;
	}

	@EventListener(ApplicationReadyEvent.class)
	void seed() {
		if (this.environment.acceptsProfiles(Profiles.of("prod"))) {
			if (!this.users.anyWith(Role.ADMIN) && !this.adminUser.isBlank() && !this.adminPassword.isBlank()) {
				this.users.create(this.adminUser, this.adminPassword, this.adminUser, null, Set.of(Role.ADMIN));
			}
			else if (!this.users.anyWith(Role.ADMIN)) {
				log.warn("console.users no admin yet: set JINGLING_ADMIN_USER and JINGLING_ADMIN_PASSWORD");
			}
			return;
		}
		this.users.create("demo-admin", DEMO_PASSWORD, "演示管理员", null, Set.of(Role.ADMIN, Role.INFORMANT_IDENTITY));
		this.users.create("demo-dispatcher", DEMO_PASSWORD, "韩调度", "demo-dispatcher", Set.of(Role.DISPATCHER));
		this.users.create("demo-officer", DEMO_PASSWORD, "张伟", "officer01", Set.of(Role.OFFICER));
	}

}
