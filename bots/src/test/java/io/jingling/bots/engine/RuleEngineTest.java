package io.jingling.bots.engine;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.jingling.bots.CapturedLogs;
import io.jingling.bots.DemoBureau;
import io.jingling.bots.command.CommandBot;
import io.jingling.bots.tip.TipBot;

import static io.jingling.bots.DemoBureau.COMMAND_GROUP;
import static io.jingling.bots.DemoBureau.DISPATCHER;
import static io.jingling.bots.DemoBureau.DUTY_GROUP;
import static io.jingling.bots.DemoBureau.UNKNOWN_GROUP;
import static io.jingling.bots.DemoBureau.assistOpened;
import static io.jingling.bots.DemoBureau.fromInformant;
import static org.assertj.core.api.Assertions.assertThat;

class RuleEngineTest {

	private final DemoBureau bureau = new DemoBureau();

	private final CommandBot commandBot = new CommandBot(DemoBureau.CLOCK, DemoBureau.ZONE);

	private final TipBot tipBot = new TipBot(DemoBureau.CLOCK, DemoBureau.ZONE);

	private RuleEngine engine(String yaml) throws RuleLoadException {
		return new RuleEngine(RuleSet.parse("test.yaml", yaml), this.commandBot, this.tipBot);
	}

	private RuleEngine defaultEngine() throws RuleLoadException {
		return new RuleEngine(RuleSet.load(Path.of("../config/rules")), this.commandBot, this.tipBot);
	}

	@Test
	void firesEveryMatchingRuleInOrder() throws RuleLoadException {
		RuleEngine engine = engine("""
				- id: first
				  event: RobotMessageReceived
				  when: event.text.startsWith("你好")
				  then:
				    - reply: { text: "一" }
				    - reply: { text: "二" }
				- id: never
				  event: RobotMessageReceived
				  when: event.text == "再见"
				  then: [ { reply: { text: "不会出现" } } ]
				- id: third
				  event: RobotMessageReceived
				  when: event.conversationType == "group"
				  then: [ { reply: { text: "三" } } ]
				""");
		assertThat(engine.evaluate(DemoBureau.inGroup(COMMAND_GROUP, DISPATCHER, "你好"), this.bureau))
			.containsExactly(new Reply("一"), new Reply("二"), new Reply("三"));
	}

	@Test
	void producesNothingWhenNoRuleMatches() throws RuleLoadException {
		RuleEngine engine = engine("""
				- id: duty
				  event: RobotMessageReceived
				  when: channel == "duty"
				  then: [ { command: {} } ]
				""");
		assertThat(engine.evaluate(DemoBureau.inGroup(COMMAND_GROUP, DISPATCHER, "帮助"), this.bureau)).isEmpty();
	}

	@Test
	void expandsTheCommandStepIntoTheBotsActions() throws RuleLoadException {
		RuleEngine engine = engine("""
				- id: command-then-note
				  event: RobotMessageReceived
				  when: sender.dispatcher
				  then:
				    - command: {}
				    - reply: { text: "已收到" }
				""");
		assertThat(engine.evaluate(DemoBureau.inGroup(COMMAND_GROUP, DISPATCHER, "警令 全体 集合"), this.bureau))
			.containsExactly(new PostOrder(new OrderTarget.ToEveryone(), "集合", DISPATCHER), new Reply("已收到"));
	}

	@Test
	void bindsSenderAndChannelVariables() throws RuleLoadException {
		RuleEngine engine = engine("""
				- id: officer
				  event: RobotMessageReceived
				  when: sender.officer && !sender.dispatcher && event.senderUserId == "officer001"
				  then: [ { reply: { text: "民警" } } ]
				- id: no-group
				  event: RobotMessageReceived
				  when: channel == "" && event.conversationId == "cidUnknown0001==" && event.senderName == "某人"
				  then: [ { reply: { text: "不是已知的群" } } ]
				""");
		assertThat(engine.evaluate(DemoBureau.inGroup(UNKNOWN_GROUP, "officer001", "帮助"), this.bureau))
			.containsExactly(new Reply("民警"), new Reply("不是已知的群"));
		assertThat(engine.evaluate(DemoBureau.inGroup(COMMAND_GROUP, "stranger", "帮助"), this.bureau)).isEmpty();
	}

	@Test
	void skipsARuleWhoseConditionFailsAtRunTime() throws RuleLoadException {
		RuleEngine engine = engine("""
				- id: fails
				  event: RobotMessageReceived
				  when: int(event.text) > 3
				  then: [ { reply: { text: "不会出现" } } ]
				- id: still-fires
				  event: RobotMessageReceived
				  when: "true"
				  then: [ { reply: { text: "照常" } } ]
				""");
		try (CapturedLogs logs = new CapturedLogs()) {
			assertThat(engine.evaluate(DemoBureau.inGroup(COMMAND_GROUP, DISPATCHER, "不是数字"), this.bureau))
				.containsExactly(new Reply("照常"));
			assertThat(logs.text()).contains("WARN rules.condition failed rule=fails").doesNotContain("不是数字");
		}
	}

	@Test
	void defaultRulesSendCommandGroupMessagesToTheBot() throws RuleLoadException {
		RuleEngine engine = defaultEngine();
		assertThat(engine.evaluate(DemoBureau.inGroup(COMMAND_GROUP, DISPATCHER, "协查 交通 寻找灰色面包车"), this.bureau))
			.singleElement()
			.isInstanceOf(OpenAssistRequest.class);
	}

	@Test
	void defaultRulesTurnAwayOtherGroupsAndPrivateChats() throws RuleLoadException {
		RuleEngine engine = defaultEngine();
		List<Action> elsewhere = List.of(new Reply("警铃只在指挥群里接受指令。"));
		assertThat(engine.evaluate(DemoBureau.inGroup(DUTY_GROUP, DISPATCHER, "帮助"), this.bureau)).isEqualTo(elsewhere);
		assertThat(engine.evaluate(DemoBureau.inGroup(UNKNOWN_GROUP, DISPATCHER, "帮助"), this.bureau))
			.isEqualTo(elsewhere);
		assertThat(engine.evaluate(DemoBureau.inPrivate(DISPATCHER, "帮助"), this.bureau))
			.containsExactly(new Reply("请在指挥群里 @警铃 发指令；在指挥群里发送「帮助」可查看用法。"));
	}

	@Test
	void defaultRulesBroadcastAnAssistRequestToTheCirclesItNames() throws RuleLoadException {
		RuleEngine engine = defaultEngine();
		assertThat(engine.evaluate(assistOpened("XC-20261130-008", List.of("transport", "rental"), false, false),
				this.bureau))
			.containsExactly(new Broadcast("XC-20261130-008", List.of("transport", "rental")));
		assertThat(engine.evaluate(assistOpened("XC-20261130-009", List.of(), true, false), this.bureau)).isEmpty();
	}

	@Test
	void defaultRulesHoldACountyWideOrSensitiveAssistRequestForApproval() throws RuleLoadException {
		RuleEngine engine = defaultEngine();
		List<String> all = List.of("transport", "hospitality", "recycling", "rental", "merchants", "village");
		assertThat(engine.evaluate(assistOpened("XC-20261130-010", all, false, false), this.bureau))
			.containsExactly(new RequestApproval("XC-20261130-010", all));
		assertThat(engine.evaluate(assistOpened("XC-20261130-011", List.of("rental"), false, true), this.bureau))
			.containsExactly(new RequestApproval("XC-20261130-011", List.of("rental")));
		assertThat(engine.evaluate(
				assistOpened("XC-20261130-012", List.of("rental", "transport", "village"), false, false), this.bureau))
			.containsExactly(new Broadcast("XC-20261130-012", List.of("rental", "transport", "village")));
	}

	@Test
	void defaultRulesRecordWhatInformantsWriteThroughKfOaOrSmsAsTips() throws RuleLoadException {
		RuleEngine engine = defaultEngine();
		InformantMessageReceived message = fromInformant("text", "车在城东加油站", "transport", "XC-20261130-007");
		assertThat(engine.evaluate(message, this.bureau))
			.containsExactly(new RecordTip(42L, "XC-20261130-007", "scene-param", message));
		assertThat(engine.evaluate(fromInformant("text", "退订", "transport", ""), this.bureau))
			.containsExactly(new OptOut(42L));
		InformantMessageReceived bySms = new InformantMessageReceived("sms-1", DemoBureau.CLOCK.instant(), 42L, "老周",
				"transport", "城关镇", "sms", "text", "车在城东加油站", "", "");
		assertThat(engine.evaluate(bySms, this.bureau)).singleElement()
			.isInstanceOfSatisfying(RecordTip.class, (tip) -> assertThat(tip.message()).isEqualTo(bySms));
		InformantMessageReceived elsewhere = new InformantMessageReceived("web-1", DemoBureau.CLOCK.instant(), 42L,
				"老周", "transport", "城关镇", "web", "text", "车在城东加油站", "", "");
		assertThat(engine.evaluate(elsewhere, this.bureau)).isEmpty();
	}

	@Test
	void bindsAssistRequestVariables() throws RuleLoadException {
		RuleEngine engine = engine("""
				- id: urgent-rental
				  event: AssistRequestOpened
				  when: event.urgent && !event.sensitive && "rental" in event.circles && event.code == "XC-20261130-008"
				  then: [ { broadcast: {} } ]
				- id: about-a-van
				  event: AssistRequestOpened
				  when: event.content.contains("面包车") && size(event.circles) == 1
				  then: [ { broadcast: {} } ]
				""");
		assertThat(engine.evaluate(assistOpened("XC-20261130-008", List.of("rental"), true, false), this.bureau))
			.containsExactly(new Broadcast("XC-20261130-008", List.of("rental")),
					new Broadcast("XC-20261130-008", List.of("rental")));
		assertThat(
				engine.evaluate(assistOpened("XC-20261130-008", List.of("rental", "village"), true, true), this.bureau))
			.isEmpty();
	}

	@Test
	void bindsInformantMessageVariables() throws RuleLoadException {
		RuleEngine engine = engine("""
				- id: township-text
				  event: InformantMessageReceived
				  when: >
				    event.channel == "kf" && event.kind == "text" && event.circle == "village"
				    && event.township == "城关镇" && event.text.startsWith("村口")
				  then: [ { tip: {} } ]
				""");
		InformantMessageReceived message = fromInformant("text", "村口有陌生车辆", "village", "");
		assertThat(engine.evaluate(message, this.bureau))
			.containsExactly(new RecordTip(42L, "XC-20261129-005", "latest-in-circle", message));
		assertThat(engine.evaluate(fromInformant("image", "", "village", ""), this.bureau)).isEmpty();
		assertThat(engine.evaluate(fromInformant("text", "村口有陌生车辆", "transport", ""), this.bureau)).isEmpty();
	}

	@Test
	void rulesOfOneEventKindIgnoreTheOthers() throws RuleLoadException {
		RuleEngine engine = engine("""
				- id: everything-to-circles
				  event: AssistRequestOpened
				  when: "true"
				  then: [ { broadcast: {} } ]
				- id: every-tip
				  event: InformantMessageReceived
				  when: "true"
				  then: [ { tip: {} } ]
				""");
		assertThat(engine.evaluate(DemoBureau.inGroup(COMMAND_GROUP, DISPATCHER, "帮助"), this.bureau)).isEmpty();
		assertThat(engine.evaluate(assistOpened("XC-20261130-008", List.of("rental"), false, false), this.bureau))
			.singleElement()
			.isInstanceOf(Broadcast.class);
	}

	@Test
	void keepsMessageBodiesOutOfToString() {
		RobotMessageReceived message = DemoBureau.inGroup(COMMAND_GROUP, DISPATCHER, "协查 交通 寻找灰色面包车", "officer001");
		assertThat(message.toString()).doesNotContain("灰色面包车", "某人", "指挥中心")
			.contains("eventId=", COMMAND_GROUP, "GROUP", DISPATCHER, "officer001", "textLength=13");
		InformantMessageReceived tip = fromInformant("text", "灰色面包车在城东加油站", "transport", "XC-20261130-007");
		assertThat(List.of(new Reply("灰色面包车"), new PostOrder(new OrderTarget.ToEveryone(), "灰色面包车", DISPATCHER),
				new RecordTip(42L, "XC-20261130-007", "scene-param", tip),
				new RelayToInformant("XS-20261130-0001", "灰色面包车往哪开了", "officer001"),
				assistOpened("XC-20261130-008", List.of("rental"), false, false), tip))
			.allSatisfy((item) -> assertThat(item.toString()).doesNotContain("灰色面包车"));
		assertThat(tip.toString()).contains("memberId=42", "pseudonym=老周", "kind=text", "textLength=11")
			.doesNotContain("media-");
	}

}
