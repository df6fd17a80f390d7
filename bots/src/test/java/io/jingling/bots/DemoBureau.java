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

import io.jingling.bots.engine.AssistRequestOpened;
import io.jingling.bots.engine.AssistRequestView;
import io.jingling.bots.engine.Circle;
import io.jingling.bots.engine.ConversationType;
import io.jingling.bots.engine.Group;
import io.jingling.bots.engine.InformantMessageReceived;
import io.jingling.bots.engine.Officer;
import io.jingling.bots.engine.RobotMessageReceived;
import io.jingling.bots.engine.State;
import io.jingling.bots.engine.TipView;

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

	/**
	 * Assist requests, newest first: today's 007 (open, transport and rental), 003
	 * (closed, transport) and 002 (open, hospitality), yesterday's 005 (open, village)
	 * and an expired one.
	 */
	private static final List<AssistRequestView> ASSIST_REQUESTS = List.of(
			assistRequest("XC-20261130-007", "COLLECTING", List.of("transport", "rental"), "officer001"),
			assistRequest("XC-20261130-003", "CLOSED", List.of("transport"), "officer002"),
			assistRequest("XC-20261130-002", "BROADCAST", List.of("hospitality"), "officer002"),
			assistRequest("XC-20261129-005", "COLLECTING", List.of("village"), "officer003"),
			assistRequest("XC-20261128-001", "EXPIRED", List.of("rental"), "officer001"));

	/** A tip on today's 007, forwarded to 张三, and one that nothing linked. */
	private static final List<TipView> TIPS = List.of(new TipView("XS-20261130-0001", "XC-20261130-007", "officer001"),
			new TipView("XS-20261130-0002", null, ""));

	private static AssistRequestView assistRequest(String code, String status, List<String> circleIds,
			String caseOfficer) {
		return new AssistRequestView(code, status, circleIds, caseOfficer, Instant.parse("2026-12-03T06:05:00Z"));
	}

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

	/** What an informant wrote through the KF link of the demo's member 42, 老周. */
	public static InformantMessageReceived fromInformant(String kind, String text, String circleId, String sceneParam) {
		return new InformantMessageReceived("kf-" + text.hashCode(), CLOCK.instant(), 42L, "老周", circleId, "城关镇", "kf",
				kind, text, kind.equals("text") ? "" : "media-0001", sceneParam);
	}

	/**
	 * An assist request to the circles, as the routes module reports it once registered.
	 */
	public static AssistRequestOpened assistOpened(String code, List<String> circleIds, boolean urgent,
			boolean sensitive) {
		return new AssistRequestOpened("evt-" + code, CLOCK.instant(), code, circleIds, "寻找灰色面包车，车牌尾号 357",
				"officer001", DISPATCHER, urgent, sensitive);
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
	public Optional<String> readStatusOf(String orderCode) {
		return "JL-20261130-001".equals(orderCode) ? Optional.of("警令 JL-20261130-001 已读 29/31，未读：张三、李四")
				: Optional.empty();
	}

	@Override
	public String checkinSummary() {
		return "今日签到（截至 09:00）：城关派出所 1/2。未签到：李四";
	}

	@Override
	public Duration assistValidity() {
		return Duration.ofHours(72);
	}

	@Override
	public Optional<AssistRequestView> assistRequest(String code) {
		return ASSIST_REQUESTS.stream().filter((request) -> request.code().equals(code)).findFirst();
	}

	@Override
	public Optional<AssistRequestView> latestOpenAssistRequest(String circleId) {
		return ASSIST_REQUESTS.stream()
			.filter((request) -> request.open() && request.circleIds().contains(circleId))
			.findFirst();
	}

	@Override
	public Optional<TipView> tip(String code) {
		return TIPS.stream().filter((tip) -> tip.code().equals(code)).findFirst();
	}

}
