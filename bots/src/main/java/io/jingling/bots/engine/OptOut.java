package io.jingling.bots.engine;

/**
 * The member wrote {@code 退订}: no more broadcasts or SMS to them. They may still send
 * tips.
 *
 * @param memberId the hub's id of the circle member
 */
public record OptOut(long memberId) implements Action {

}
