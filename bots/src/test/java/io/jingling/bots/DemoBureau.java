package io.jingling.bots;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.jingling.bots.engine.Circle;
import io.jingling.bots.engine.ConversationType;
import io.jingling.bots.engine.Group;
import io.jingling.bots.engine.Officer;
import io.jingling.bots.engine.RobotMessageReceived;
import io.jingling.bots.engine.State;

/** A small bureau held in memory, standing in for the database behind {@link State}. */
public class DemoBureau implements State {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** 2026-11-30 14:05 in the bureau. */
	public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T06:05:00Z"), ZoneOffset.UTC);

	public static final String COMMAND_GROUP = "cidCmdGroup0001==";

	public static final String DUTY_GROUP = "cidDutyGroup0001==";

	public static final String UNKNOWN_GROUP = "cidUnknown0001==";

	public static final String DISPATCHER = "dispatcher01";

	private static final List<Officer> OFFICERS = List.of(new Officer(DISPATCHER, "韩调度", "指挥中心", Set.of("dispatcher")),
			new Officer("officer001", "张三", "城东派出所", Set.of()), new Officer("officer002", "李四", "城东派出所", Set.of()),
			new Officer("officer003", "王五", "城西派出所", Set.of()), new Officer("officer004", "王五", "交警大队", Set.of()));

	private static final List<Group> GROUPS = List.of(new Group(COMMAND_GROUP, "指挥中心", "command"),
			new Group(DUTY_GROUP, "城东派出所值班群", "duty"));

	private static final List<Circle> CIRCLES = List.of(new Circle("transport", "交通运输圈", List.of("交通", "交通运输", "司机")),
			new Circle("hospitality", "旅馆网吧娱乐餐饮圈", List.of("旅馆", "网吧", "娱乐", "餐饮")),
			new Circle("recycling", "二手回收维修金银圈", List.of("回收", "维修", "金银")),
			new Circle("rental", "房屋出租圈", List.of("房屋", "出租", "房东")),
			new Circle("merchants", "个体工商户圈", List.of("个体", "商户", "工商户")),
			new Circle("village", "村组干部圈", List.of("村组", "村干部")));

	private static final Map<String, String> STATUSES = Map.of("JL-20261130-001",
			"警令 JL-20261130-001：31 人中已读 29 人，未读 2 人", "XC-20261129-007",
			"协查 XC-20261129-007：已发往 2 个圈子，收到线索 3 条，有效至 12月2日 09:30");

	public static List<String> circleIds() {
		return CIRCLES.stream().map(Circle::id).toList();
	}

	/** A message @-mentioning the robot in a group. */
	public static RobotMessageReceived inGroup(String openConversationId, String senderUserId, String text,
			String... atUserIds) {
		return new RobotMessageReceived("msg-" + text.hashCode(), CLOCK.instant(), openConversationId,
				ConversationType.GROUP, "指挥中心", senderUserId, "某人", text, List.of(atUserIds));
	}

	/** A one-to-one message to the robot. */
	public static RobotMessageReceived inPrivate(String senderUserId, String text) {
		return new RobotMessageReceived("msg-" + text.hashCode(), CLOCK.instant(), "cidPrivate0001==",
				ConversationType.PRIVATE, "", senderUserId, "某人", text, List.of());
	}

	@Override
	public Optional<Group> group(String openConversationId) {
		return GROUPS.stream().filter((group) -> group.openConversationId().equals(openConversationId)).findFirst();
	}

	@Override
	public Optional<Group> groupNamed(String name) {
		return GROUPS.stream().filter((group) -> group.name().equals(name)).findFirst();
	}

	@Override
	public Optional<Officer> officer(String userId) {
		return OFFICERS.stream().filter((officer) -> officer.userId().equals(userId)).findFirst();
	}

	@Override
	public List<Officer> officersNamed(String name) {
		return OFFICERS.stream().filter((officer) -> officer.name().equals(name)).toList();
	}

	@Override
	public List<Circle> circles() {
		return CIRCLES;
	}

	@Override
	public Optional<String> statusOf(String code) {
		return Optional.ofNullable(STATUSES.get(code));
	}

	@Override
	public Duration assistValidity() {
		return Duration.ofHours(72);
	}

}
