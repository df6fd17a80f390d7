package io.jingling.bots.engine;

/**
 * Where a robot message was written: in a group (the robot was @-mentioned) or
 * one-to-one.
 */
public enum ConversationType {

	GROUP, PRIVATE

}
