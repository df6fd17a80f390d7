package io.jingling.bots.command;

/** The commands the bot knows, by the Chinese word a message starts with. */
enum Keyword {

	HELP("帮助"), ORDER("警令"), ASSIST("协查"), STATUS("状态"), CLOSE("结案"), RELAY("回复"), READS("已读"), RECALL("撤回"),
	CHECKINS("签到统计");

	private final String word;

	Keyword(String word) {
		this.word = word;
	}

	String word() {
		return this.word;
	}

}
