package io.jingling.security;

import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jingling.informant.Identity;
import io.jingling.informant.Members;
import io.jingling.support.ConsoleSession;
import io.jingling.support.HubTest;
import io.jingling.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The console's doors: the unauthenticated get 401 on the API and a redirect to the login
 * form elsewhere, the wrong role gets 403, guessing a password locks the account a while,
 * and an informant's identity opens only to the {@code informant-identity} role, with a
 * reason, audited, and never logged.
 */
@HubTest
class ConsoleSecurityTest {

	private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	ConsoleUsers users;

	@Autowired
	Members members;

	@Test
	void refusesTheUnauthenticatedAndTheWrongRole() {
		ConsoleSession anonymous = ConsoleSession.anonymous(this.port);
		assertThat(anonymous.get("/api/orders").statusCode()).isEqualTo(401);
		var page = anonymous.page("/");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
		var login = anonymous.page("/login");
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.body()).contains("警铃 登录", "name=\"username\"", "name=\"password\"", "name=\"_csrf\"");

		ConsoleSession officer = ConsoleSession.login(this.port, "demo-officer", "jingling-demo");
		assertThat(officer.get("/api/audit").statusCode()).isEqualTo(403);
		assertThat(officer.post("/api/informants/1/identity", "{\"reason\":\"核实线索来源\"}").statusCode()).isEqualTo(403);
		assertThat(this.users.dingTalkUserIdOf("demo-officer")).isEqualTo("officer01");
	}

	@Test
	void locksAnAccountForAWhileAfterFiveWrongPasswords() {
		this.users.create("guess-target", "right-password-1", "测试", null, Set.of(Role.VIEWER));
		for (int i = 0; i < ConsoleUsers.MAX_FAILURES; i++) {
			assertThatThrownBy(() -> ConsoleSession.login(this.port, "guess-target", "wrong"))
				.hasMessageContaining("login refused");
		}
		assertThatThrownBy(() -> ConsoleSession.login(this.port, "guess-target", "right-password-1"))
			.hasMessageContaining("login refused");
		this.clock.advance(ConsoleUsers.LOCK_FOR.plus(Duration.ofSeconds(1)));
		assertThat(ConsoleSession.login(this.port, "guess-target", "right-password-1")).isNotNull();
	}

	@Test
	void slowsDownAnAddressThatGuessesAcrossAccounts() {
		this.users.create("spray-target", "right-password-2", "测试", null, Set.of(Role.VIEWER));
		for (int i = 0; i < AddressThrottle.MAX_FAILURES; i++) {
			String account = "nobody-" + i;
			assertThatThrownBy(() -> ConsoleSession.login(this.port, account, "wrong"))
				.hasMessageContaining("login refused");
		}
		assertThatThrownBy(() -> ConsoleSession.login(this.port, "spray-target", "right-password-2"))
			.hasMessageContaining("login refused");
		assertThat(ConsoleSession.anonymous(this.port).page("/login?error&throttled").body()).contains("此地址登录失败次数过多");
		this.clock.advance(AddressThrottle.WINDOW.plus(Duration.ofSeconds(1)));
		assertThat(ConsoleSession.login(this.port, "spray-target", "right-password-2")).isNotNull();
	}

	@Test
	void erasesAnIdentityOnRequestKeepingThePseudonymAndAuditsIt() {
		long member = this.members.enroll(Identity.ofWeCom("wmJLEraseRequest0001"), "transport", "城关镇", null, true)
			.id();
		ConsoleSession admin = ConsoleSession.login(this.port, "demo-admin", "jingling-demo");
		assertThat(admin.delete("/api/informants/" + member + "/identity", "{}").statusCode()).isEqualTo(400);

		var erased = admin.delete("/api/informants/" + member + "/identity", "{\"reason\":\"本人来电要求删除身份信息\"}");
		assertThat(erased.statusCode()).isEqualTo(200);
		assertThat(this.members.hasIdentity(member)).isFalse();
		assertThat(this.members.byExternalUserId("wmJLEraseRequest0001")).isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT opted_out FROM member WHERE id = ?", Boolean.class, member))
			.isTrue();
		assertThat(admin.post("/api/informants/" + member + "/identity", "{\"reason\":\"核实线索来源\"}").statusCode())
			.isEqualTo(410);
		assertThat(this.jdbc.queryForList("SELECT action FROM identity_reveal WHERE member_id = ? ORDER BY id",
				String.class, member))
			.containsExactly("ERASE");
	}

	@Test
	void revealsAnIdentityOnlyWithAReasonAndAuditsEveryReveal() throws Exception {
		ListAppender<ILoggingEvent> logs = new ListAppender<>();
		logs.start();
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.addAppender(logs);
		try {
			long member = this.jdbc.queryForObject("SELECT MIN(id) FROM member", Long.class);
			ConsoleSession admin = ConsoleSession.login(this.port, "demo-admin", "jingling-demo");
			int before = this.jdbc.queryForObject("SELECT COUNT(*) FROM identity_reveal", Integer.class);

			assertThat(admin.post("/api/informants/" + member + "/identity", "{\"reason\":\"\"}").statusCode())
				.isEqualTo(400);
			assertThat(admin.post("/api/informants/999999/identity", "{\"reason\":\"核实线索来源\"}").statusCode())
				.isEqualTo(404);
			var revealed = admin.post("/api/informants/" + member + "/identity", "{\"reason\":\"核实线索来源，准备约谈\"}");
			assertThat(revealed.statusCode()).isEqualTo(200);
			JsonNode identity = new ObjectMapper().readTree(revealed.body());
			assertThat(identity.path("phone").asText()).matches("1[3-9]\\d{9}");
			assertThat(identity.path("pseudonym").asText()).isNotBlank();

			var audit = this.jdbc.queryForMap("SELECT username, member_id, reason FROM identity_reveal ORDER BY id DESC"
					+ " FETCH FIRST 1 ROWS ONLY");
			assertThat(audit).containsEntry("USERNAME", "demo-admin").containsEntry("REASON", "核实线索来源，准备约谈");
			assertThat(((Number) audit.get("MEMBER_ID")).longValue()).isEqualTo(member);
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM identity_reveal", Integer.class))
				.isEqualTo(before + 1);
			assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
				.noneMatch((line) -> MOBILE.matcher(line).find() || line.contains("准备约谈"));
		}
		finally {
			root.detachAppender(logs);
		}
	}

}
