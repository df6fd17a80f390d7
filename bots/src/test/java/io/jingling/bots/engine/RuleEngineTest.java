package io.jingling.bots.engine;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.jingling.bots.CapturedLogs;
import io.jingling.bots.DemoBureau;
import io.jingling.bots.command.CommandBot;

import static io.jingling.bots.DemoBureau.COMMAND_GROUP;
import static io.jingling.bots.DemoBureau.DISPATCHER;
import static io.jingling.bots.DemoBureau.DUTY_GROUP;
import static io.jingling.bots.DemoBureau.UNKNOWN_GROUP;
import static org.assertj.core.api.Assertions.assertThat;

class RuleEngineTest {

	private final DemoBureau bureau = new DemoBureau();

	private final CommandBot commandBot = new CommandBot(DemoBureau.CLOCK, DemoBureau.ZONE);

	private RuleEngine engine(String yaml) throws RuleLoadException {
		return new RuleEngine(RuleSet.parse("test.yaml", yaml), this.commandBot);
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
		RuleEngine engine = new RuleEngine(RuleSet.load(Path.of("../config/rules")), this.commandBot);
		assertThat(engine.evaluate(DemoBureau.inGroup(COMMAND_GROUP, DISPATCHER, "协查 交通 寻找灰色面包车"), this.bureau))
			.singleElement()
			.isInstanceOf(OpenAssistRequest.class);
	}

	@Test
	void defaultRulesTurnAwayOtherGroupsAndPrivateChats() throws RuleLoadException {
		RuleEngine engine = new RuleEngine(RuleSet.load(Path.of("../config/rules")), this.commandBot);
		List<Action> elsewhere = List.of(new Reply("警铃只在指挥群里接受指令。"));
		assertThat(engine.evaluate(DemoBureau.inGroup(DUTY_GROUP, DISPATCHER, "帮助"), this.bureau)).isEqualTo(elsewhere);
		assertThat(engine.evaluate(DemoBureau.inGroup(UNKNOWN_GROUP, DISPATCHER, "帮助"), this.bureau))
			.isEqualTo(elsewhere);
		assertThat(engine.evaluate(DemoBureau.inPrivate(DISPATCHER, "帮助"), this.bureau))
			.containsExactly(new Reply("请在指挥群里 @警铃 发指令；在指挥群里发送「帮助」可查看用法。"));
	}

	@Test
	void keepsMessageBodiesOutOfToString() {
		RobotMessageReceived message = DemoBureau.inGroup(COMMAND_GROUP, DISPATCHER, "协查 交通 寻找灰色面包车", "officer001");
		assertThat(message.toString()).doesNotContain("灰色面包车", "某人", "指挥中心")
			.contains("eventId=", COMMAND_GROUP, "GROUP", DISPATCHER, "officer001", "textLength=13");
		assertThat(List.of(new Reply("灰色面包车"), new PostOrder(new OrderTarget.ToEveryone(), "灰色面包车", DISPATCHER)))
			.allSatisfy((action) -> assertThat(action.toString()).doesNotContain("灰色面包车"));
	}

}
