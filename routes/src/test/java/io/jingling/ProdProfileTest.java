package io.jingling;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Under {@code prod} nothing is simulated: a missing credential stops start-up and says
 * which.
 */
class ProdProfileTest {

	@Test
	void refusesToStartWithoutTheDingTalkCredentials() {
		assertThatThrownBy(
				() -> new SpringApplicationBuilder(JinglingApplication.class).run("--spring.profiles.active=prod",
						"--server.port=0", "--jingling.home=..", "--jingling.bureau-file=samples/demo/bureau.yaml",
						"--JINGLING_DATABASE_URL=jdbc:h2:mem:prod-check;DB_CLOSE_DELAY=-1",
						"--JINGLING_DATABASE_USER=sa", "--JINGLING_DATABASE_PASSWORD="))
			.hasMessageStartingWith(
					"Production start-up refused: set JINGLING_DINGTALK_AGENT_ID (jingling.dingtalk.agent-id),")
			.hasMessageContaining("JINGLING_DINGTALK_APP_SECRET (jingling.dingtalk.app-secret)")
			.hasMessageContaining("JINGLING_WECOM_AES_KEY (jingling.wecom.aes-key)")
			.hasMessageContaining("JINGLING_VAULT_KEY (jingling.vault.key)")
			.hasMessageContaining("JINGLING_SMS_CALLBACK_TOKEN (jingling.sms.callback-token)")
			.hasMessageNotContaining("JINGLING_DATABASE_URL");
	}

	@Test
	void refusesToStartWithoutADatabase() {
		assertThatThrownBy(
				() -> new SpringApplicationBuilder(JinglingApplication.class).run("--spring.profiles.active=prod",
						"--server.port=0", "--jingling.home=..", "--jingling.dingtalk.app-key=k",
						"--jingling.dingtalk.app-secret=s", "--jingling.dingtalk.robot-code=r"))
			.hasMessageStartingWith("Production start-up refused: set JINGLING_DATABASE_URL (spring.datasource.url),")
			.hasMessageNotContaining("JINGLING_DINGTALK_APP_SECRET");
	}

}
