package io.jingling.reads;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** The Chinese texts officers and dispatchers read about unread orders. */
final class EscalationTexts {

	private EscalationTexts() {
	}

	/**
	 * One step's outcome for a number of officers.
	 *
	 * @param outcome e.g. {@code SENT}, {@code FALLBACK_SMS}, {@code NO_PHONE}
	 */
	record StepTaken(int step, StepAction action, String outcome, int officers) {
	}

	static String ding(String code, Duration sinceSent) {
		return "【警令未读】警令 " + code + " 已发出 " + elapsed(sinceSent) + "，您还没有阅读，请立即查看并按要求执行。";
	}

	static String report(String code, Duration sinceSent, int targets, List<String> unreadNames,
			List<StepTaken> taken) {
		StringBuilder text = new StringBuilder("#### 警令 " + code + " 仍有人未读\n");
		text.append("发出 ").append(elapsed(sinceSent)).append("，").append(targets).append(" 人中仍有 ");
		text.append(unreadNames.size()).append(" 人未读：").append(String.join("、", unreadNames)).append("。");
		if (!taken.isEmpty()) {
			text.append("\n\n已催办：");
			text.append(taken.stream().map(EscalationTexts::describe).collect(Collectors.joining("；")));
			text.append("。");
		}
		return text.toString();
	}

	private static String describe(StepTaken taken) {
		String outcome = switch (taken.outcome()) {
			case "SENT", "QUEUED" -> "";
			case "FALLBACK_SMS", "FALLBACK_SMS_SENT" -> "（租户无 DING 或额度不足，已改发短信）";
			case "FALLBACK_MESSAGE" -> "（无法 DING 且无手机号，已改发单聊消息）";
			case "NO_PHONE" -> "（无手机号，未发）";
			case "FAILED" -> "（发送失败）";
			default -> "";
		};
		return "第 " + taken.step() + " 步 " + taken.action().label() + " " + taken.officers() + " 人" + outcome;
	}

	/** "12 分钟", "2 小时 5 分钟". */
	static String elapsed(Duration duration) {
		long minutes = Math.max(0, duration.toMinutes());
		if (minutes < 60) {
			return minutes + " 分钟";
		}
		long hours = minutes / 60;
		long rest = minutes % 60;
		return (rest == 0) ? hours + " 小时" : hours + " 小时 " + rest + " 分钟";
	}

}
