package io.jingling.reads;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What an escalation step does to officers who have not read an order. */
public enum StepAction {

	/** An in-app DING (钉一下); Aliyun SMS when the tenant cannot DING. */
	DING("ding", "DING"),
	/** A DING delivered by SMS from DingTalk; Aliyun SMS when the tenant cannot. */
	DING_SMS("ding-sms", "短信DING"),
	/**
	 * A DING delivered as a phone call from DingTalk; Aliyun SMS when the tenant cannot.
	 */
	DING_CALL("ding-call", "电话DING"),
	/** An Aliyun SMS to the officer's phone. */
	SMS("sms", "短信"),
	/**
	 * Tell the dispatcher, in the group the order was posted from, who is still unread.
	 */
	REPORT("report", "告知调度员");

	private final String configName;

	private final String label;

	StepAction(String configName, String label) {
		this.configName = configName;
		this.label = label;
	}

	/** The Chinese name shown in reports. */
	public String label() {
		return this.label;
	}

	static StepAction fromConfig(String name) {
		return Arrays.stream(values())
			.filter((action) -> action.configName.equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown action '" + name + "': use one of "
					+ Arrays.stream(values()).map((action) -> action.configName).collect(Collectors.joining(", "))));
	}

}
