package io.jingling.wxmp;

/** A customer-service text to one follower; neither field reaches a log. */
public record MpText(String openId, String text) {

	@Override
	public String toString() {
		return "MpText[length=" + ((this.text == null) ? 0 : this.text.length()) + "]";
	}

}
