package io.jingling.bots.engine;

import java.util.List;

import io.jingling.bots.command.CommandBot;

/** One entry of a rule's {@code then:} list. */
sealed interface Step {

	List<Action> perform(Event event, State state, CommandBot commandBot);

	/**
	 * {@code command: {}}: the command bot reads the message and answers with its own
	 * actions.
	 */
	record RunCommandBot() implements Step {

		@Override
		public List<Action> perform(Event event, State state, CommandBot commandBot) {
			// RobotMessageReceived is the only event kind so far, so every rule's event
			// is a message
			return commandBot.handle((RobotMessageReceived) event, state);
		}

	}

	/**
	 * {@code reply: { text: ... }}: a fixed answer in the conversation the event came
	 * from.
	 */
	record ReplyWith(String text) implements Step {

		@Override
		public List<Action> perform(Event event, State state, CommandBot commandBot) {
			return List.of(new Reply(this.text));
		}

	}

}
