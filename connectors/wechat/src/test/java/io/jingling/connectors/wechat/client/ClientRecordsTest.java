package io.jingling.connectors.wechat.client;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientRecordsTest {

	private static final String INFORMANT = "wmJL00Informant0000000001";

	private static final String TIP = "XC-007 城东加油站旁停着一辆白色面包车";

	@Test
	void acceptsAGroupTaskAtWeComsLimits() {
		GroupTaskRequest request = new GroupTaskRequest("liaison_taxi_01",
				Collections.nCopies(GroupTaskRequest.MAX_CHATS, "wrChat"), "线".repeat(1333),
				Collections.nCopies(GroupTaskRequest.MAX_IMAGES, "media"));

		assertThat(request.chatIds()).hasSize(2000);
	}

	@Test
	void refusesAGroupTaskBeyondWeComsLimits() {
		List<String> chats = List.of("wrChat");
		assertThatIllegalArgumentException().isThrownBy(() -> new GroupTaskRequest(" ", chats, "text", null))
			.withMessageContaining("sender");
		assertThatIllegalArgumentException().isThrownBy(() -> new GroupTaskRequest("owner", List.of(), "text", null))
			.withMessageContaining("got 0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new GroupTaskRequest("owner", Collections.nCopies(2001, "wr"), "text", null))
			.withMessageContaining("got 2001");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new GroupTaskRequest("owner", chats, "线".repeat(1334), null))
			.withMessageContaining("got 4002");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new GroupTaskRequest("owner", chats, "text", Collections.nCopies(10, "media")))
			.withMessageContaining("got 10");
		assertThatIllegalArgumentException().isThrownBy(() -> new GroupTaskRequest("owner", chats, "", null))
			.withMessageContaining("a text or an image");
	}

	@Test
	void namesTheMissingSetting() {
		assertThatIllegalArgumentException().isThrownBy(() -> settings("ww00jingling000001", " ", "wk01"))
			.withMessage("WeCom secret is missing: set jingling.wecom.secret");
		assertThatIllegalArgumentException().isThrownBy(() -> settings(null, "secret", "wk01"))
			.withMessage("WeCom corp-id is missing: set jingling.wecom.corp-id");
		assertThatIllegalArgumentException().isThrownBy(() -> settings("ww00jingling000001", "secret", ""))
			.withMessage("WeCom kf-id is missing: set jingling.wecom.kf-id");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WeComSettings(WeComSettings.DEFAULT_API_URL, "ww", "s", "agent", "t", "k", "wk",
					Duration.ofSeconds(5)))
			.withMessageContaining("jingling.wecom.agent-id");
	}

	@Test
	void keepsSecretsOutOfTheSettingsDump() {
		WeComSettings settings = new WeComSettings(URI.create("https://qyapi.weixin.qq.com"), "ww00jingling000001",
				"hub-test-wecom-secret-0001", null, "JinglingCbToken", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
				"wkJinglingKf0001", Duration.ofSeconds(5));

		assertThat(settings.toString()).contains("ww00jingling000001", "wkJinglingKf0001")
			.doesNotContain("hub-test-wecom-secret-0001", "JinglingCbToken", "abcdefghijklmnopqrstuvwxyz");
	}

	@Test
	void keepsInformantsAndTipsOutOfToString() {
		KfMessage message = new KfMessage("from_msgid_1", INFORMANT, Instant.parse("2026-11-30T06:00:50Z"), 3, "text",
				TIP, null, new KfLocation(23.1291, 113.2644, "城东加油站", "城东路 88 号"), null, null, null);
		KfText reply = new KfText(INFORMANT, "已收到，线索编号 XS-20261130-0042");

		assertThat(message.toString()).contains("from_msgid_1").doesNotContain(INFORMANT, TIP, "城东", "23.1291");
		assertThat(reply.toString()).doesNotContain(INFORMANT, "XS-20261130-0042");
	}

	private static WeComSettings settings(String corpId, String secret, String kfId) {
		return new WeComSettings(WeComSettings.DEFAULT_API_URL, corpId, secret, null, "JinglingCbToken",
				"abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", kfId, WeComSettings.DEFAULT_TIMEOUT);
	}

}
