package io.jingling.informant;

/**
 * A circle member as officers and rules see them: pseudonym, circle and township, no
 * identity.
 *
 * @param id the hub's member id
 * @param pseudonym e.g. {@code 交通运输圈-0007}
 * @param circleId the circle
 * @param township the township of the member's group
 * @param lastSceneParam the assist code of the KF link the member last came through, if
 * any
 * @param optedOut no broadcasts or SMS any more (退订)
 */
public record Member(long id, String pseudonym, String circleId, String township, String lastSceneParam,
		boolean optedOut) {
}
