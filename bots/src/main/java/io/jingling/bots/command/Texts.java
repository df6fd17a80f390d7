package io.jingling.bots.command;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.jingling.bots.engine.RecordTip;

/**
 * The Chinese texts the routes module sends once it has assigned a code or planned a
 * send: confirmations to dispatchers, tips for the case officer, notices to informants.
 * The texts admins edit (an order, a broadcast, a tip's acknowledgement) are the hub's
 * message templates instead. No text carries a user's platform id or an informant's
 * identity.
 */
public final class Texts {

	private static final DateTimeFormatter MONTH_DAY_TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm");

	private static final Map<String, String> LINKED_BY = Map.of(RecordTip.BY_SCENE_PARAM, "按链接",
			RecordTip.BY_CODE_IN_TEXT, "按文中编号", RecordTip.BY_LATEST_IN_CIRCLE, "按本圈最新协查");

	private static final Map<String, String> MEDIA = Map.of("image", "[图片]", "voice", "[语音]", "location", "[位置]");

	static final String HELP = """
			#### 警铃指令
			- **警令** [紧急] 对象 内容：发布警令，对象写「全体」、群名或民警姓名（多人用、分隔）；写「紧急」则未读者按紧急流程催办
			  例：警令 紧急 全体 今晚 20:00 全员到岗
			- **协查** [紧急] [敏感] 圈子 内容：向六圈发布协查，圈子写「全部」或圈名（多个用、分隔），@民警 即为主办；「全部」或「敏感」的协查须局领导审批同意后才发布；「紧急」的协查若群主未及时确认群发，另用短信通知同意接收短信的群众
			  例：协查 交通、房屋 寻找灰色面包车，车牌尾号 357
			- **状态** 编号：查询警令、协查或线索的进展
			  例：状态 XC-20261130-007
			- **已读** 警令编号：谁已读、谁未读，发出多久了
			  例：已读 JL-20261130-001
			- **撤回** 警令编号：撤回警令，不再催办
			  例：撤回 JL-20261130-001
			- **签到统计**：今天各单位在岗人员的签到情况，以及谁还没签到
			- **结案** 协查编号：协查办结，不再收集线索，并感谢提供线索的群众
			  例：结案 XC-20261130-007
			- **回复** 线索编号 内容：经警铃向提供线索的线人追问，线人身份不公开
			  例：回复 XS-20261130-0001 车往哪个方向开了？
			- **帮助**：显示本说明

			警令和协查只有指挥中心调度员可以发布和撤回；结案和回复限主办民警和调度员。""";

	static final String UNKNOWN = "没看懂这条指令。可用指令：警令、协查、状态、已读、撤回、签到统计、结案、回复、帮助；发送「帮助」查看用法。";

	static final String DISPATCHERS_ONLY = "抱歉，只有指挥中心调度员可以发布、撤回警令和发布协查。";

	static final String FAILED = "抱歉，这条指令没有处理成功，请稍后再试；如仍不行请联系管理员。";

	private Texts() {
	}

	/** The dispatcher's confirmation, e.g. {@code 已发布警令 JL-20261130-001 → 指挥中心（31 人）}. */
	public static String orderConfirmed(String code, String targetDescription, int recipientCount) {
		return "已发布警令 " + code + " → " + targetDescription + "（" + recipientCount + " 人）";
	}

	/**
	 * The dispatcher's confirmation, e.g.
	 * {@code 已登记协查 XC-20261130-007 圈子：交通运输圈、房屋出租圈；主办：张三；有效至 12月3日 14:05}.
	 */
	public static String assistConfirmed(String code, List<String> circleNames, String caseOfficerName,
			ZonedDateTime validUntil) {
		return "已登记协查 " + code + " 圈子：" + String.join("、", circleNames) + "；主办：" + caseOfficerName + "；有效至 "
				+ MONTH_DAY_TIME.format(validUntil);
	}

	/**
	 * The markdown the case officer gets for a new tip: the request it belongs to, the
	 * informant's pseudonym, circle and township, the content quoted, how it was linked,
	 * and how to ask back.
	 * @param assistCode the linked request, or {@code null} when none
	 * @param kind {@code text}, {@code image}, {@code voice} or {@code location}
	 * @param content the text, or a description of the media (e.g. the place's name)
	 * @param linkedBy as in {@link RecordTip#linkedBy()}
	 */
	public static String tipForOfficer(String tipCode, String assistCode, String pseudonym, String circleName,
			String township, String kind, String content, String linkedBy) {
		return "#### " + tipTitle(tipCode) + "\n- 协查：" + ((assistCode != null) ? assistCode : "未关联协查") + "\n- 线人："
				+ orUnknown(pseudonym) + "\n- 圈子：" + orUnknown(circleName) + "\n- 乡镇：" + orUnknown(township) + "\n- 关联："
				+ LINKED_BY.getOrDefault(linkedBy, "未能关联") + "\n\n> "
				+ String.join("\n> ", tipContent(kind, content).split("\n")) + "\n\n回复 " + tipCode + " <内容> 可追问线人";
	}

	/**
	 * The title DingTalk shows in the conversation list: {@code 新线索 XS-20261130-0001}.
	 */
	public static String tipTitle(String tipCode) {
		return "新线索 " + tipCode;
	}

	/** The dispatcher's confirmation of {@code 结案}. */
	public static String assistClosed(String code) {
		return "协查 " + code + " 已结案，不再收集线索。";
	}

	/** What informants who sent tips to the request get when it is closed. */
	public static String thanksOnClose(String code) {
		return "协查 " + code + " 已结案，感谢您的线索！";
	}

	/** The member's confirmation of {@code 退订}. */
	public static String optedOut() {
		return "已退订：警方不再单独给您发协查通知和短信；群里的协查通知要退出群聊才会停止。回复任意内容可继续提供线索。";
	}

	/**
	 * The dispatcher's report once the broadcast is planned, e.g.
	 * {@code 协查 XC-20261130-007 已提交 3 位联络员确认，覆盖 12 个群、约 1800 人}.
	 */
	public static String broadcastPlanned(String code, int owners, int groups, int members) {
		return "协查 " + code + " 已提交 " + owners + " 位联络员确认，覆盖 " + groups + " 个群、约 " + members + " 人";
	}

	/**
	 * The dispatcher's report when groups have no mass-message quota left this period, so
	 * nothing was sent.
	 */
	public static String quotaRefused(String code, List<String> groupNames) {
		return "协查 " + code + " 未发出："
				+ groupNames.stream().map((name) -> "「" + name + "」").collect(Collectors.joining("、"))
				+ "本期的群发次数已用完，为免部分群收不到，这条协查一个群也没有发。请把几条协查汇总成一条再发，或等额度恢复后再发。";
	}

	/** The officer's answer when {@code 回复} cannot reach the informant. */
	public static String relayUnavailable(String tipCode, String reason) {
		return "无法转达给线人（" + tipCode + "）：" + reason;
	}

	private static String tipContent(String kind, String content) {
		if (kind.equals("text")) {
			return content.isBlank() ? "（空白消息）" : content.strip();
		}
		String label = MEDIA.getOrDefault(kind, "[其他消息]");
		return content.isBlank() ? label : label + " " + content.strip();
	}

	private static String orUnknown(String value) {
		return (value == null || value.isBlank()) ? "未登记" : value;
	}

}
