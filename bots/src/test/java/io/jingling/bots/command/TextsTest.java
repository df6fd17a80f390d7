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
	void writesTheOrderAsMarkdownWithTheContentQuoted() {
		assertThat(Texts.orderMessage("JL-20261130-003", "14:00 前到城东卡点集合\n带齐装备", "韩调度"))
			.isEqualTo("#### 警令 JL-20261130-003\n> 14:00 前到城东卡点集合\n> 带齐装备\n\n发令：韩调度");
		assertThat(Texts.orderTitle("JL-20261130-003")).isEqualTo("警令 JL-20261130-003");
	}

	@Test
	void confirmsAnAssistRequestWithCirclesCaseOfficerAndValidity() {
		ZonedDateTime validUntil = ZonedDateTime.of(2026, 12, 3, 14, 5, 0, 0, DemoBureau.ZONE);
		assertThat(Texts.assistConfirmed("XC-20261130-007", List.of("交通运输圈", "房屋出租圈"), "张三", validUntil))
			.isEqualTo("已登记协查 XC-20261130-007 圈子：交通运输圈、房屋出租圈；主办：张三；有效至 12月3日 14:05");
	}

}
