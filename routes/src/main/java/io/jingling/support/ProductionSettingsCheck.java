package io.jingling.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Under the {@code prod} profile, refuses to start before anything is built when a
 * setting the hub cannot run without is missing, and names every one of them in one
 * message. (Left to itself, Spring would fail later and less clearly, or fall back to an
 * in-memory database.)
 */
public class ProductionSettingsCheck implements EnvironmentPostProcessor {

	private static final Map<String, String> REQUIRED = Map.ofEntries(
			Map.entry("spring.datasource.url", "JINGLING_DATABASE_URL"),
			Map.entry("jingling.dingtalk.app-key", "JINGLING_DINGTALK_APP_KEY"),
			Map.entry("jingling.dingtalk.app-secret", "JINGLING_DINGTALK_APP_SECRET"),
			Map.entry("jingling.dingtalk.robot-code", "JINGLING_DINGTALK_ROBOT_CODE"),
			Map.entry("jingling.dingtalk.agent-id", "JINGLING_DINGTALK_AGENT_ID"),
			Map.entry("jingling.sms.access-key-id", "JINGLING_SMS_ACCESS_KEY_ID"),
			Map.entry("jingling.sms.access-key-secret", "JINGLING_SMS_ACCESS_KEY_SECRET"),
			Map.entry("jingling.sms.sign-name", "JINGLING_SMS_SIGN_NAME"),
			Map.entry("jingling.sms.callback-token", "JINGLING_SMS_CALLBACK_TOKEN"),
			Map.entry("jingling.wecom.corp-id", "JINGLING_WECOM_CORP_ID"),
			Map.entry("jingling.wecom.secret", "JINGLING_WECOM_SECRET"),
			Map.entry("jingling.wecom.token", "JINGLING_WECOM_TOKEN"),
			Map.entry("jingling.wecom.aes-key", "JINGLING_WECOM_AES_KEY"),
			Map.entry("jingling.wecom.kf-id", "JINGLING_WECOM_KF_ID"),
			Map.entry("jingling.vault.key", "JINGLING_VAULT_KEY"));

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
			return;
		}
		List<String> missing = new ArrayList<>();
		REQUIRED.forEach((key, variable) -> {
			String value = environment.getProperty(key, "");
			if (value.isBlank()) {
				missing.add(variable + " (" + key + ")");
			}
		});
		if (!missing.isEmpty()) {
			throw new IllegalStateException(
					"Production start-up refused: set " + String.join(", ", missing.stream().sorted().toList()));
		}
	}

}
