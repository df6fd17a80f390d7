package io.jingling.connectors.wechat.mp;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MpSettingsTest {

	private static final URI API = MpSettings.DEFAULT_API_URL;

	private static final Duration TIMEOUT = MpSettings.DEFAULT_TIMEOUT;

	@Test
	void refusesAMissingValueNamingItsKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> new MpSettings(API, " ", "secret", "token", "", TIMEOUT))
			.withMessageContaining("jingling.wxmp.app-id");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MpSettings(API, "wx00jingling00001", null, "token", "", TIMEOUT))
			.withMessageContaining("jingling.wxmp.secret");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MpSettings(API, "wx00jingling00001", "secret", "", "", TIMEOUT))
			.withMessageContaining("jingling.wxmp.token");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MpSettings(null, "wx00jingling00001", "secret", "token", "", TIMEOUT))
			.withMessageContaining("jingling.wxmp.api-url");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MpSettings(API, "wx00jingling00001", "secret", "token", "short", TIMEOUT))
			.withMessageContaining("jingling.wxmp.aes-key");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MpSettings(API, "wx00jingling00001", "secret", "token", "", Duration.ZERO))
			.withMessageContaining("jingling.wxmp.timeout");
	}

	@Test
	void acceptsABlankAesKeyForPlainMode() {
		assertThat(new MpSettings(API, "wx00jingling00001", "secret", "token", "", TIMEOUT).aesKey()).isEmpty();
		assertThat(new MpSettings(API, "wx00jingling00001", "secret", "token", null, TIMEOUT).aesKey()).isNull();
	}

	@Test
	void hidesTheSecretTokenAndKey() {
		MpSettings settings = new MpSettings(API, "wx00jingling00001", "hub-test-wxmp-secret-0001", "JinglingMpToken",
				"ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut", TIMEOUT);

		assertThat(settings.toString()).contains("wx00jingling00001", "safeMode=true")
			.doesNotContain("hub-test-wxmp-secret-0001", "JinglingMpToken", "ZYXWVUTSRQ");
	}

}
