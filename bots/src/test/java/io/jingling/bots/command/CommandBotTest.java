package io.jingling.bots.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.jingling.bots.CapturedLogs;
import io.jingling.bots.DemoBureau;
import io.jingling.bots.engine.Action;
import io.jingling.bots.engine.CloseAssistRequest;
import io.jingling.bots.engine.Officer;
import io.jingling.bots.engine.OpenAssistRequest;
import io.jingling.bots.engine.OrderTarget;
import io.jingling.bots.engine.PostOrder;
import io.jingling.bots.engine.RecallOrder;
import io.jingling.bots.engine.RelayToInformant;
import io.jingling.bots.engine.Reply;
import io.jingling.bots.engine.RobotMessageReceived;

import static io.jingling.bots.DemoBureau.COMMAND_GROUP;
import static io.jingling.bots.DemoBureau.DISPATCHER;
import static io.jingling.bots.DemoBureau.DUTY_GROUP;
import static org.assertj.core.api.Assertions.assertThat;

class CommandBotTest {

	private final DemoBureau bureau = new DemoBureau();

	private final CommandBot bot = new CommandBot(DemoBureau.CLOCK, DemoBureau.ZONE);

	private List<Action> fromDispatcher(String text, String... atUserIds) {
		return this.bot.handle(DemoBureau.inGroup(COMMAND_GROUP, DISPATCHER, text, atUserIds), this.bureau);
	}

	private static String replyText(List<Action> actions) {
		assertThat(actions).singleElement().isInstanceOf(Reply.class);
		return ((Reply) actions.get(0)).text();
	}

	private List<Action> from(String sender, String text) {
		return this.bot.handle(DemoBureau.inGroup(COMMAND_GROUP, sender, text), this.bureau);
	}

	@Test
	void answersHelpWithEveryCommandAndAnExample() {
		assertThat(replyText(fromDispatcher("帮助"))).isEqualTo(Texts.HELP)
			.contains("警令 紧急 全体", "协查 交通、房屋", "状态 XC-20261130-007", "已读 JL-20261130-001", "撤回 JL-20261130-001",
					"结案 XC-20261130-007", "回复 XS-20261130-0001 ");
	}

	@Test
	void answersHelpExactlyAsTheSampleReplyShowsIt() throws IOException {
		String sample = Files.readString(Path.of("../samples/payloads/dingtalk/help-reply.request.json"));
		assertThat(new ObjectMapper().readTree(sample).at("/markdown/text").asText()).isEqualTo(Texts.HELP);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "你好", "发布协查 XC-20261130-007 寻找灰色面包车", "@警铃", "help" })
	void answersUnknownOrEmptyTextWithAHelpLine(String text) {
		assertThat(replyText(fromDispatcher(text))).isEqualTo(Texts.UNKNOWN);
	}

	@ParameterizedTest
	@ValueSource(strings = { " 帮助", "@警铃 帮助", "@警铃帮助", "  @警铃 @值班 帮助", "\u3000@警铃\u3000帮助" })
	void dropsLeadingSpacesAndMentionsOfTheRobot(String text) {
		assertThat(replyText(fromDispatcher(text))).isEqualTo(Texts.HELP);
	}

	@Test
	void answersAReplyWhenTheStateFailsInsteadOfThrowing() {
		DemoBureau broken = new DemoBureau() {
			@Override
			public Optional<Officer> officer(String userId) {
				throw new IllegalStateException("database down");
			}
		};
		RobotMessageReceived message = DemoBureau.inGroup(COMMAND_GROUP, DISPATCHER, "警令 全体 集合");
		assertThat(this.bot.handle(message, broken)).containsExactly(new Reply(Texts.FAILED));
	}

	@Test
	void logsIdsAndOutcomesButNeverTheMessageText() {
		DemoBureau broken = new DemoBureau() {
			@Override
			public Optional<String> statusOf(String code) {
				throw new IllegalStateException("database down");
			}
		};
		try (CapturedLogs logs = new CapturedLogs()) {
			fromDispatcher("协查 交通 寻找灰色面包车 浙A12345");
			fromDispatcher("灰色面包车在哪");
			fromDispatcher("回复 XS-20261130-0001 灰色面包车往哪开了");
			this.bot.handle(DemoBureau.inGroup(COMMAND_GROUP, DISPATCHER, "状态 XC-20261129-007 灰色面包车"), broken);
			assertThat(logs.text())
				.contains("command.handle ASSIST", "OpenAssistRequest", "command.handle RELAY", "RelayToInformant",
						"command.handle unknown", "command.handle failed", "IllegalStateException")
				.doesNotContain("灰色面包车", "浙A12345");
		}
	}

	@Nested
	class Orders {

		@Test
		void postsToEveryone() {
			assertThat(fromDispatcher("警令 全体 今晚 20:00 全员到岗"))
				.containsExactly(new PostOrder(new OrderTarget.ToEveryone(), "今晚 20:00 全员到岗", DISPATCHER));
		}

		@Test
		void postsToAGroupByName() {
			assertThat(fromDispatcher("@警铃 警令 城东派出所值班群 14:00 前到城东卡点集合")).containsExactly(
					new PostOrder(new OrderTarget.ToGroup(DUTY_GROUP, "城东派出所值班群"), "14:00 前到城东卡点集合", DISPATCHER));
		}

		@ParameterizedTest
		@ValueSource(strings = { "张三、李四", "张三，李四", "张三,李四", "张三、李四、张三" })
		void postsToOfficersByName(String names) {
			assertThat(fromDispatcher("警令 " + names + " 带执法记录仪到所里")).containsExactly(new PostOrder(
					new OrderTarget.ToOfficers(List.of("officer001", "officer002")), "带执法记录仪到所里", DISPATCHER));
		}

		@Test
		void keepsTheContentAsWrittenAcrossLines() {
			assertThat(fromDispatcher("警令 张三 第一行\n第二行")).containsExactly(
					new PostOrder(new OrderTarget.ToOfficers(List.of("officer001")), "第一行\n第二行", DISPATCHER));
		}

		@Test
		void namesTheOfficersItCannotFind() {
			assertThat(replyText(fromDispatcher("警令 张三、钱七、孙八 集合"))).startsWith("找不到「钱七、孙八」")
				.contains("用法：警令 [紧急] <对象> <内容>");
		}

		@Test
		void refusesAnAmbiguousName() {
			assertThat(replyText(fromDispatcher("警令 王五 集合"))).startsWith("「王五」有 2 位同名民警");
		}

		@Test
		void marksAnUrgentOrderForTheUrgentPolicy() {
			assertThat(fromDispatcher("警令 紧急 全体 今晚 20:00 全员到岗")).containsExactly(
					new PostOrder(new OrderTarget.ToEveryone(), "今晚 20:00 全员到岗", DISPATCHER, PostOrder.URGENT));
		}

		@ParameterizedTest
		@ValueSource(strings = { "警令", "警令 全体", "警令 全体   ", "警令 紧急", "警令 紧急 全体" })
		void asksForWhatIsMissing(String text) {
			assertThat(replyText(fromDispatcher(text))).contains("用法：警令 [紧急] <对象> <内容>");
		}

	}

	@Nested
	class AssistRequests {

		private static OpenAssistRequest request(List<String> circleIds, String content, String caseOfficer) {
			return new OpenAssistRequest(circleIds, content, caseOfficer, Duration.ofHours(72), DISPATCHER);
		}

		@ParameterizedTest
		@ValueSource(strings = { "协查 transport,rental 寻找灰色面包车", "协查 交通、房屋 寻找灰色面包车", "协查 交通 房屋 寻找灰色面包车",
				"协查 交通运输圈，房屋出租圈 寻找灰色面包车", "协查 rental、Transport、交通 寻找灰色面包车", "协查交通、房屋\u3000寻找灰色面包车" })
		void parsesCirclesByIdNameOrAliasWithAnySeparator(String text) {
			assertThat(fromDispatcher(text))
				.containsExactly(request(List.of("transport", "rental"), "寻找灰色面包车", DISPATCHER));
		}

		@Test
		void sendsToAllCircles() {
			assertThat(fromDispatcher("协查 全部 寻找走失老人，男，70 岁，穿蓝色外套"))
				.containsExactly(request(DemoBureau.circleIds(), "寻找走失老人，男，70 岁，穿蓝色外套", DISPATCHER));
		}

		@Test
		void marksAnUrgentOrSensitiveRequest() {
			assertThat(fromDispatcher("协查 紧急 敏感 房屋 寻找灰色面包车")).containsExactly(new OpenAssistRequest(List.of("rental"),
					"寻找灰色面包车", DISPATCHER, Duration.ofHours(72), DISPATCHER, true, true));
			assertThat(fromDispatcher("协查 敏感 交通 寻找灰色面包车")).containsExactly(new OpenAssistRequest(List.of("transport"),
					"寻找灰色面包车", DISPATCHER, Duration.ofHours(72), DISPATCHER, false, true));
		}

		@Test
		void takesTheContentFromTheFirstWordThatIsNoCircle() {
			assertThat(fromDispatcher("协查 交通 交通事故逃逸车辆 白色轿车 交通"))
				.containsExactly(request(List.of("transport"), "交通事故逃逸车辆 白色轿车 交通", DISPATCHER));
		}

		@Test
		void makesTheFirstMentionedOfficerTheCaseOfficer() {
			assertThat(fromDispatcher("协查 @某群友 交通 寻找灰色面包车 @张三 @李四", "someoneElse", "officer001", "officer002"))
				.containsExactly(request(List.of("transport"), "寻找灰色面包车", "officer001"));
		}

		@Test
		void removesMentionsButNotAddressesFromTheContent() {
			assertThat(fromDispatcher("协查 房屋 @张三 线索发 tips@example.com 寻找租客", "officer001"))
				.containsExactly(request(List.of("rental"), "线索发 tips@example.com 寻找租客", "officer001"));
		}

		@Test
		void makesTheSenderTheCaseOfficerWhenNobodyKnownIsMentioned() {
			assertThat(fromDispatcher("协查 交通 寻找灰色面包车", "stranger"))
				.containsExactly(request(List.of("transport"), "寻找灰色面包车", DISPATCHER));
		}

		@Test
		void listsTheCirclesWhenNoneIsNamed() {
			assertThat(replyText(fromDispatcher("协查 寻找灰色面包车"))).startsWith("请写明发往哪些圈子：交通运输圈、旅馆网吧娱乐餐饮圈")
				.contains("或「全部」", "用法：协查 [紧急] [敏感] <圈子> <内容>");
		}

		@ParameterizedTest
		@ValueSource(strings = { "协查 交通、房屋", "协查 全部 @张三", "协查" })
		void asksForWhatIsMissing(String text) {
			assertThat(replyText(fromDispatcher(text))).contains("用法：协查 [紧急] [敏感] <圈子> <内容>");
		}

	}

	@Nested
	class Dispatchers {

		@ParameterizedTest
		@ValueSource(strings = { "警令 全体 集合", "协查 全部 寻找灰色面包车", "撤回 JL-20261130-001" })
		void onlyDispatchersPostOrdersAndAssistRequests(String text) {
			for (String sender : List.of("officer001", "stranger", "")) {
				RobotMessageReceived message = DemoBureau.inGroup(COMMAND_GROUP, sender, text);
				assertThat(CommandBotTest.this.bot.handle(message, CommandBotTest.this.bureau))
					.containsExactly(new Reply("抱歉，只有指挥中心调度员可以发布、撤回警令和发布协查。"));
			}
		}

		@Test
		void anyoneMayAskForHelpAndStatus() {
			RobotMessageReceived message = DemoBureau.inGroup(COMMAND_GROUP, "officer001", "状态 JL-20261130-001");
			assertThat(replyText(CommandBotTest.this.bot.handle(message, CommandBotTest.this.bureau)))
				.isEqualTo("警令 JL-20261130-001：31 人中已读 29 人，未读 2 人");
		}

	}

	@Nested
	class Reads {

		@Test
		void answersWhoHasReadAnOrder() {
			assertThat(replyText(from("officer001", "已读 jl-20261130-001")))
				.isEqualTo("警令 JL-20261130-001 已读 29/31，未读：张三、李四");
		}

		@Test
		void saysWhenTheOrderIsUnknown() {
			assertThat(replyText(fromDispatcher("@警铃 已读 JL-20261130-009"))).isEqualTo("未找到警令 JL-20261130-009。");
		}

		@ParameterizedTest
		@ValueSource(strings = { "已读", "已读 XC-20261130-007", "已读 JL-2026-1" })
		void asksForAnOrderCode(String text) {
			assertThat(replyText(fromDispatcher(text))).startsWith("请写明警令编号。")
				.endsWith("用法：已读 <警令编号>，例：已读 JL-20261130-001");
		}

	}

	@Test
	void answersTodaysCheckinsToAnyone() {
		assertThat(replyText(from("officer001", "@警铃 签到统计"))).isEqualTo("今日签到（截至 09:00）：城关派出所 1/2。未签到：李四");
	}

	@Nested
	class Recall {

		@Test
		void recallsAnOrderByItsCode() {
			assertThat(fromDispatcher("撤回 JL-20261130-001 发错了"))
				.containsExactly(new RecallOrder("JL-20261130-001", DISPATCHER));
		}

		@ParameterizedTest
		@ValueSource(strings = { "撤回", "撤回 XC-20261130-007" })
		void asksForAnOrderCode(String text) {
			assertThat(replyText(fromDispatcher(text))).startsWith("请写明要撤回的警令编号。");
		}

	}

	@Nested
	class Status {

		@ParameterizedTest
		@ValueSource(strings = { "状态 XC-20261129-007", "状态xc-20261129-007", "状态 XC-20261129-007 怎么样了" })
		void answersTheStatusOfAKnownCode(String text) {
			assertThat(replyText(fromDispatcher(text)))
				.isEqualTo("协查 XC-20261129-007：已发往 2 个圈子，收到线索 3 条，有效至 12月2日 09:30");
		}

		@ParameterizedTest
		@ValueSource(strings = { "JL-20261130-002", "XS-20261130-0001" })
		void saysWhenAWellFormedCodeIsUnknown(String code) {
			assertThat(replyText(fromDispatcher("状态 " + code))).isEqualTo("未找到编号 " + code + "。");
		}

		@ParameterizedTest
		@ValueSource(strings = { "JL-2026113-001", "XC-20261130-07", "XS-20261130-001", "AB-20261130-001", "协查" })
		void explainsTheCodeFormat(String code) {
			assertThat(replyText(fromDispatcher("状态 " + code))).startsWith("编号格式不对：警令如 JL-20261130-001");
		}

		@ParameterizedTest
		@ValueSource(strings = { "JL-20261131-001", "XC-20261301-001", "JL-20261201-001" })
		void refusesImpossibleOrFutureDates(String code) {
			assertThat(replyText(fromDispatcher("状态 " + code))).isEqualTo("编号 " + code + " 的日期不对，请核对后再查。");
		}

		@Test
		void asksForTheCode() {
			assertThat(replyText(fromDispatcher("状态"))).startsWith("请写明要查的编号。");
		}

	}

	@Nested
	class Closing {

		@Test
		void letsTheDispatcherClose() {
			assertThat(fromDispatcher("结案 XC-20261130-007"))
				.containsExactly(new CloseAssistRequest("XC-20261130-007", DISPATCHER));
		}

		@ParameterizedTest
		@ValueSource(strings = { "结案 XC-20261130-007", "@警铃 结案 xc-20261130-007 人已找到", "结案XC-20261130-007" })
		void letsTheCaseOfficerClose(String text) {
			assertThat(from("officer001", text))
				.containsExactly(new CloseAssistRequest("XC-20261130-007", "officer001"));
		}

		@ParameterizedTest
		@ValueSource(strings = { "officer002", "stranger", "" })
		void politelyRefusesEveryoneElse(String sender) {
			assertThat(replyText(from(sender, "结案 XC-20261130-007")))
				.isEqualTo("抱歉，协查 XC-20261130-007 只能由主办民警或指挥中心调度员结案。");
		}

		@Test
		void saysWhenTheRequestIsUnknownOrNoLongerOpen() {
			assertThat(replyText(fromDispatcher("结案 XC-20261130-099"))).isEqualTo("未找到协查 XC-20261130-099，请核对编号。");
			assertThat(replyText(fromDispatcher("结案 XC-20261130-003")))
				.isEqualTo("协查 XC-20261130-003 已不在收集线索（CLOSED），无需再结案。");
			assertThat(replyText(from("officer001", "结案 XC-20261128-001")))
				.isEqualTo("协查 XC-20261128-001 已不在收集线索（EXPIRED），无需再结案。");
		}

		@ParameterizedTest
		@ValueSource(strings = { "结案", "结案 XC-7", "结案 JL-20261130-001", "结案 人已找到" })
		void asksForAFullAssistCode(String text) {
			assertThat(replyText(fromDispatcher(text))).contains("用法：结案 <协查编号>，例：结案 XC-20261130-007");
		}

	}

	@Nested
	class Relaying {

		@Test
		void letsTheTipsCaseOfficerAskTheInformant() {
			assertThat(from("officer001", "回复 XS-20261130-0001 车往哪个方向开了？\n大概几点？"))
				.containsExactly(new RelayToInformant("XS-20261130-0001", "车往哪个方向开了？\n大概几点？", "officer001"));
		}

		@Test
		void letsADispatcherAskAboutAnyTip() {
			assertThat(fromDispatcher("@警铃 回复 xs-20261130-0002 请发一张照片"))
				.containsExactly(new RelayToInformant("XS-20261130-0002", "请发一张照片", DISPATCHER));
		}

		@Test
		void refusesOtherOfficers() {
			assertThat(replyText(from("officer002", "回复 XS-20261130-0001 车往哪开了")))
				.isEqualTo("抱歉，线索 XS-20261130-0001 只能由主办民警或指挥中心调度员回复。");
			assertThat(replyText(from("officer001", "回复 XS-20261130-0002 车往哪开了")))
				.isEqualTo("抱歉，线索 XS-20261130-0002 只能由主办民警或指挥中心调度员回复。");
			assertThat(replyText(from("", "回复 XS-20261130-0002 车往哪开了")))
				.isEqualTo("抱歉，线索 XS-20261130-0002 只能由主办民警或指挥中心调度员回复。");
		}

		@Test
		void saysWhenTheTipIsUnknown() {
			assertThat(replyText(fromDispatcher("回复 XS-20261130-0099 车往哪开了")))
				.isEqualTo("未找到线索 XS-20261130-0099，请核对编号。");
		}

		@ParameterizedTest
		@ValueSource(strings = { "回复 XS-20261130-0001", "回复 XS-20261130-0001 \u3000 " })
		void asksForTheContent(String text) {
			assertThat(replyText(from("officer001", text))).startsWith("缺少要转达给线人的内容。");
		}

		@ParameterizedTest
		@ValueSource(strings = { "回复", "回复 车往哪开了", "回复 XC-20261130-007 车往哪开了", "回复 XS-20261130-001 车往哪开了" })
		void asksForATipCode(String text) {
			assertThat(replyText(from("officer001", text))).contains("用法：回复 <线索编号> <内容>");
		}

	}

}
