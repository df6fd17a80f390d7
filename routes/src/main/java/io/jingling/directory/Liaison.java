package io.jingling.directory;

/** A liaison officer: owns customer groups in WeCom, is reached in DingTalk. */
public record Liaison(String wecomUserId, String circleId, String dingtalkUserId) {
}
