package io.jingling.directory;

/**
 * A WeCom customer group (客户群) of one circle and township, owned by a liaison officer.
 */
public record CustomerGroup(String chatId, String circleId, String name, String township, String owner) {
}
