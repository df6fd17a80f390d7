package io.jingling.bots.engine;

import java.util.List;

import io.jingling.bots.command.CommandBot;
import io.jingling.bots.tip.TipBot;

/**
 * One entry of a rule's {@code then:} list. Each step takes one event kind; loading
 * refuses a step in a rule for another kind, so {@code perform} always gets its own kind.
 */
sealed interface Step {

	/** The only event kind this step can take. */
	EventKind event();

	List<Action> perform(Event event, State state, CommandBot commandBot, TipBot tipBot);

	/**
	 * {@code command: {}}: the command bot reads the message and answers with its own
	 * actions.
	 */
	record RunCommandBot() implements Step {

		@Override
		public EventKind event() {
			return EventKind.ROBOT_MESSAGE_RECEIVED;
		}

		@Override
		public List<Action> perform(Event event, State state, CommandBot commandBot, TipBot tipBot) {
			return commandBot.handle((RobotMessageReceived) event, state);
		}

	}

	/**
	 * {@code reply: { text: ... }}: a fixed answer in the conversation the event came
	 * from.
	 */
	record ReplyWith(String text) implements Step {

		@Override
		public EventKind event() {
			return EventKind.ROBOT_MESSAGE_RECEIVED;
		}

		@Override
		public List<Action> perform(Event event, State state, CommandBot commandBot, TipBot tipBot) {
			return List.of(new Reply(this.text));
		}

	}

	/** {@code broadcast: {}}: the assist request goes out to the circles it names. */
	record BroadcastToCircles() implements Step {

		@Override
		public EventKind event() {
			return EventKind.ASSIST_REQUEST_OPENED;
		}

		@Override
		public List<Action> perform(Event event, State state, CommandBot commandBot, TipBot tipBot) {
			AssistRequestOpened request = (AssistRequestOpened) event;
			return List.of(new Broadcast(request.code(), request.circleIds()));
		}

	}

	/**
	 * {@code approval: {}}: the assist request waits for a leader's approval and goes out
	 * to the circles it names once approved.
	 */
	record AwaitApproval() implements Step {

		@Override
		public EventKind event() {
			return EventKind.ASSIST_REQUEST_OPENED;
		}

		@Override
		public List<Action> perform(Event event, State state, CommandBot commandBot, TipBot tipBot) {
			AssistRequestOpened request = (AssistRequestOpened) event;
			return List.of(new RequestApproval(request.code(), request.circleIds()));
		}

	}

	/**
	 * {@code tip: {}}: the tip bot reads the informant's message and answers with its own
	 * actions.
	 */
	record RunTipBot() implements Step {

		@Override
		public EventKind event() {
			return EventKind.INFORMANT_MESSAGE_RECEIVED;
		}

		@Override
		public List<Action> perform(Event event, State state, CommandBot commandBot, TipBot tipBot) {
			return tipBot.handle((InformantMessageReceived) event, state);
		}

	}

}
