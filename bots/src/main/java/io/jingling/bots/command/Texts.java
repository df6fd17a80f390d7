package io.jingling.bots.command;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The Chinese texts of orders and assist requests that the routes module sends once it
 * has assigned a code.
 */
public final class Texts {

	private static final DateTimeFormatter MONTH_DAY_TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm");

	static final String HELP = """
			#### 警铃指令
			- **警令** 对象 内容：发布警令，对象写「全体」、群名或民警姓名（多人用、分隔）
			  例：警令 全体 今晚 20:00 全员到岗
			- **协查** 圈子 内容：向六圈发布协查，圈子写「全部」或圈名（多个用、分隔），@民警 即为主办
			  例：协查 交通、房屋 寻找灰色面包车，车牌尾号 357
			- **状态** 编号：查询警令、协查或线索的进展
			  例：状态 XC-20261130-007
			- **帮助**：显示本说明

			警令和协查只有指挥中心调度员可以发布。""";

	static final String UNKNOWN = "没看懂这条指令。可用指令：警令、协查、状态、帮助；发送「帮助」查看用法。";

	static final String DISPATCHERS_ONLY = "抱歉，只有指挥中心调度员可以发布警令和协查。";

	static final String FAILED = "抱歉，这条指令没有处理成功，请稍后再试；如仍不行请联系管理员。";

	private Texts() {
	}

	/** The dispatcher's confirmation, e.g. {@code 已发布警令 JL-20261130-001 → 指挥中心（31 人）}. */
	public static String orderConfirmed(String code, String targetDescription, int recipientCount) {
		return "已发布警令 " + code + " → " + targetDescription + "（" + recipientCount + " 人）";
	}

	/**
	 * The markdown recipients get: a heading with the code, the content quoted, then who
	 * posted it.
	 */
	public static String orderMessage(String code, String content, String postedByName) {
		return "#### " + orderTitle(code) + "\n> " + String.join("\n> ", content.strip().split("\n")) + "\n\n发令："
				+ postedByName;
	}

	/**
	 * The title DingTalk shows in the conversation list, e.g. {@code 警令 JL-20261130-001}.
	 */
	public static String orderTitle(String code) {
		return "警令 " + code;
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

}
