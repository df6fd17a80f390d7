package io.jingling.bots.command;

import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.jingling.bots.DemoBureau;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTest {

	@Test
	void confirmsAnOrderWithItsTargetAndRecipients() {
		assertThat(Texts.orderConfirmed("JL-20261130-001", "指挥中心", 31)).isEqualTo("已发布警令 JL-20261130-001 → 指挥中心（31 人）");
	}

	@Test
	void confirmsAnAssistRequestWithCirclesCaseOfficerAndValidity() {
		ZonedDateTime validUntil = ZonedDateTime.of(2026, 12, 3, 14, 5, 0, 0, DemoBureau.ZONE);
		assertThat(Texts.assistConfirmed("XC-20261130-007", List.of("交通运输圈", "房屋出租圈"), "张三", validUntil))
			.isEqualTo("已登记协查 XC-20261130-007 圈子：交通运输圈、房屋出租圈；主办：张三；有效至 12月3日 14:05");
	}

	@Test
	void writesATextTipForTheCaseOfficerWithoutIds() {
		assertThat(Texts.tipForOfficer("XS-20261130-0001", "XC-20261130-007", "老周", "交通运输圈", "城关镇", "text",
				"灰色面包车在城东加油站\n往北开了", "scene-param"))
			.isEqualTo("""
					#### 新线索 XS-20261130-0001
					- 协查：XC-20261130-007
					- 线人：老周
					- 圈子：交通运输圈
					- 乡镇：城关镇
					- 关联：按链接

					> 灰色面包车在城东加油站
					> 往北开了

					回复 XS-20261130-0001 <内容> 可追问线人""");
		assertThat(Texts.tipTitle("XS-20261130-0001")).isEqualTo("新线索 XS-20261130-0001");
	}

	@Test
	void describesMediaAndHowATipWasLinked() {
		assertThat(Texts.tipForOfficer("XS-20261130-0002", null, "老周", "交通运输圈", "", "image", "", "none"))
			.contains("- 协查：未关联协查\n", "- 乡镇：未登记\n", "- 关联：未能关联\n", "\n> [图片]\n");
		assertThat(Texts.tipForOfficer("XS-20261130-0003", "XC-20261130-007", "老周", "交通运输圈", "城关镇", "location", "城东加油站",
				"code-in-text"))
			.contains("- 关联：按文中编号\n", "\n> [位置] 城东加油站\n");
		assertThat(Texts.tipForOfficer("XS-20261130-0004", "XC-20261130-007", "老周", "交通运输圈", "城关镇", "voice", "",
				"latest-in-circle"))
			.contains("- 关联：按本圈最新协查\n", "\n> [语音]\n");
	}

	@Test
	void writesTheClosingAndOptOutTexts() {
		assertThat(Texts.assistClosed("XC-20261130-007")).isEqualTo("协查 XC-20261130-007 已结案，不再收集线索。");
		assertThat(Texts.thanksOnClose("XC-20261130-007")).isEqualTo("协查 XC-20261130-007 已结案，感谢您的线索！");
		assertThat(Texts.optedOut()).isEqualTo("已退订：警方不再单独给您发协查通知和短信；群里的协查通知要退出群聊才会停止。回复任意内容可继续提供线索。");
	}

	@Test
	void reportsThePlannedBroadcastAndARefusalForQuota() {
		assertThat(Texts.broadcastPlanned("XC-20261130-007", 3, 12, 1800))
			.isEqualTo("协查 XC-20261130-007 已提交 3 位联络员确认，覆盖 12 个群、约 1800 人");
		assertThat(Texts.quotaRefused("XC-20261130-007", List.of("城关镇司机群", "东河镇司机群")))
			.startsWith("协查 XC-20261130-007 未发出：「城关镇司机群」、「东河镇司机群」本期的群发次数已用完")
			.contains("一个群也没有发", "汇总", "等额度恢复");
	}

	@Test
	void saysWhyARelayCannotReachTheInformant() {
		assertThat(Texts.relayUnavailable("XS-20261130-0001", "线人已超过 48 小时未发消息"))
			.isEqualTo("无法转达给线人（XS-20261130-0001）：线人已超过 48 小时未发消息");
	}

}
