package io.jingling.templates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import io.jingling.connectors.dingtalk.client.MessageContent;
import io.jingling.support.FileLines;
import io.jingling.support.HubProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The shipped templates render the texts officers and informants get; a version that
 * names a value a template is not given, drops the link, does not compile, lacks a
 * template or is too long for its platform is refused with the line and the reason, and
 * the templates in force stay.
 */
class MessageTemplatesTest {

	private static final String KF_LINK = "https://kf.example.cn/kfid/kfc0123456789abcdef?enc_scene=ENCtransport"
			+ "&scene_param=XC-20261130-007";

	private final MessageTemplates templates = new MessageTemplates(
			new HubProperties("..", ZoneId.of("Asia/Shanghai"), Duration.ofHours(72), "samples/demo/bureau.yaml"));

	private final String shipped = read();

	@Test
	void writesTheOrderAsMarkdownWithTheContentQuoted() {
		assertThat(this.templates.order("JL-20261130-003", "14:00 前到城东卡点集合\n带齐装备\n", "韩调度"))
			.isEqualTo(new MessageContent("警令 JL-20261130-003",
					"#### 警令 JL-20261130-003\n> 14:00 前到城东卡点集合\n> 带齐装备\n\n发令：韩调度"));
	}

	@Test
	void writesTheBroadcastWithCodeContentAndKfLink() {
		assertThat(this.templates.broadcast(null, "XC-20261130-007", " 寻找灰色面包车，车牌尾号 357\n", KF_LINK))
			.isEqualTo("【协查 XC-20261130-007】寻找灰色面包车，车牌尾号 357\n有线索请点链接私信警方（仅警方可见）：" + KF_LINK);
	}

	@Test
	void cutsTheBroadcastContentToFitWeComsLimit() {
		String empty = this.templates.broadcast(null, "XC-20261130-007", "", KF_LINK);
		String fits = "车".repeat((4000 - bytes(empty)) / 3);
		assertThat(this.templates.broadcast(null, "XC-20261130-007", fits, KF_LINK)).contains(fits + "\n")
			.doesNotContain("…");

		String text = this.templates.broadcast(null, "XC-20261130-007", "寻找灰色面包车" + "车".repeat(3000), KF_LINK);
		assertThat(bytes(text)).isLessThanOrEqualTo(4000).isGreaterThan(3995);
		assertThat(text).startsWith("【协查 XC-20261130-007】寻找灰色面包车车").endsWith("车…\n有线索请点链接私信警方（仅警方可见）：" + KF_LINK);
	}

	@Test
	void neverCutsACharacterInTwo() {
		String text = this.templates.broadcast(null, "XC-20261130-007", "🚐".repeat(1500), KF_LINK);
		assertThat(bytes(text)).isLessThanOrEqualTo(4000);
		assertThat(text).contains("🚐…\n").doesNotContain("\uFFFD");
		assertThat(text.codePoints().filter((c) -> Character.getType(c) == Character.SURROGATE)).isEmpty();
	}

	@Test
	void acknowledgesATipWithItsCode() {
		assertThat(this.templates.tipAck("XS-20261130-0001")).isEqualTo("已收到，线索编号 XS-20261130-0001，谢谢！");
	}

	@Test
	void aBroadcastPlannedUnderAnEarlierTemplateKeepsIt() {
		String planned = this.templates.broadcastTemplate();
		this.templates.apply(this.shipped.replace("有线索请点链接私信警方", "知情者请点链接"));

		assertThat(this.templates.broadcast(planned, "XC-20261130-007", "寻找灰色面包车", KF_LINK)).contains("有线索请点链接私信警方");
		assertThat(this.templates.broadcast(null, "XC-20261130-007", "寻找灰色面包车", KF_LINK)).contains("知情者请点链接")
			.doesNotContain("私信警方");
	}

	@Test
	void refusesAVersionWithTheLineAndTheReasonAndKeepsTheOneInForce() {
		assertRefused(this.shipped.replace("发令：{{postedBy}}", "发令：{{poster}}"), lineOf("发令：{{postedBy}}"),
				"模板「order」用到没有的值 {{poster}}，可用：code、content、postedBy、quoted");
		assertRefused(this.shipped.replace("（仅警方可见）：{{link}}", "（仅警方可见）"), lineOf("text: |-", 2) + 1,
				"协查群发模板须包含 {{link}}");
		assertRefused(this.shipped.replace("发令：{{postedBy}}", "发令：{{#postedBy}}"), lineOf("text: |-", 1) + 1,
				"模板「order」无法解析");
		assertRefused(this.shipped.replace("tip-ack:", "tip-thanks:"), lineOf("tip-ack:"), "未知的模板「tip-thanks」");
		assertRefused(this.shipped.replace("  title: \"警令 {{code}}\"\n", ""), lineOf("order:"),
				"模板「order」须有 title 和 text");
		assertRefused(this.shipped.replace("谢谢！", "谢谢！" + "感谢".repeat(400)), lineOf("已收到，线索编号"), "线索回执超过 2048 字节");
		assertRefused(this.shipped.replace("【协查 {{code}}】", "【协查 {{code}}】" + "警".repeat(1300)),
				lineOf("text: |-", 2) + 1, "协查群发模板除正文外已有");
		assertRefused(this.shipped.replace("order:\n", "order:\n  colour: red\n"), lineOf("order:") + 1,
				"模板「order」没有「colour」这一项");

		assertThat(this.templates.tipAck("XS-20261130-0001")).isEqualTo("已收到，线索编号 XS-20261130-0001，谢谢！");
	}

	private void assertRefused(String content, int line, String reason) {
		assertThatIllegalArgumentException().isThrownBy(() -> this.templates.check(content))
			.withMessageStartingWith("config/templates.yaml, line " + line + ": ")
			.withMessageContaining(reason);
	}

	private int lineOf(String text) {
		return FileLines.lineOf(this.shipped, text);
	}

	private int lineOf(String text, int occurrence) {
		return FileLines.lineOf(this.shipped, text, occurrence);
	}

	private static int bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

	private static String read() {
		try {
			return Files.readString(Path.of("../config/templates.yaml"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
