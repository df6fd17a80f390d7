package io.jingling.bots.command;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.jingling.bots.command.assist.AssistCommand;
import io.jingling.bots.command.close.CloseCommand;
import io.jingling.bots.command.order.OrderCommand;
import io.jingling.bots.command.reads.ReadsCommand;
import io.jingling.bots.command.recall.RecallCommand;
import io.jingling.bots.command.relay.RelayCommand;
import io.jingling.bots.command.status.StatusCommand;
import io.jingling.bots.engine.Action;
import io.jingling.bots.engine.Officer;
import io.jingling.bots.engine.Reply;
import io.jingling.bots.engine.RobotMessageReceived;
import io.jingling.bots.engine.State;

/**
 * The DingTalk command bot: reads a message written to the robot ({@code 帮助}, {@code 警令},
 * {@code 协查}, {@code 状态}, {@code 已读}, {@code 撤回}, {@code 签到统计}, {@code 结案}, {@code 回复})
 * and answers with actions. Orders, their recall and assist requests are for dispatchers
 * only; closing a request and relaying to an informant are for dispatchers and the case
 * officer. Whatever a user writes, the answer is actions, never an exception.
 */
public final class CommandBot {

	private static final Logger log = LoggerFactory.getLogger(CommandBot.class);

	private final OrderCommand order = new OrderCommand();

	private final AssistCommand assist = new AssistCommand();

	private final CloseCommand close = new CloseCommand();

	private final RelayCommand relay = new RelayCommand();

	private final ReadsCommand reads = new ReadsCommand();

	private final RecallCommand recall = new RecallCommand();

	private final StatusCommand status;

	/**
	 * Creates the bot; it keeps no state between messages.
	 * @param clock the hub's clock, for checking the dates in codes
	 * @param zone the bureau's time zone, in which codes are dated
	 */
	public CommandBot(Clock clock, ZoneId zone) {
		this.status = new StatusCommand(clock, zone);
	}

	public List<Action> handle(RobotMessageReceived message, State state) {
		try {
			return List.of(respond(message, state));
		}
		catch (RuntimeException ex) {
			log.error("command.handle failed eventId={}", message.eventId(), ex);
			return List.of(new Reply(Texts.FAILED));
		}
	}

	private Action respond(RobotMessageReceived message, State state) {
		Optional<CommandText> command = CommandText.parse(message.text());
		if (command.isEmpty()) {
			log.info("command.handle unknown eventId={}", message.eventId());
			return new Reply(Texts.UNKNOWN);
		}
		Keyword keyword = command.get().keyword();
		String arguments = command.get().arguments();
		Action action = switch (keyword) {
			case HELP -> new Reply(Texts.HELP);
			case ORDER -> dispatcherOnly(message, state, () -> this.order.handle(arguments, message, state));
			case ASSIST -> dispatcherOnly(message, state, () -> this.assist.handle(arguments, message, state));
			case STATUS -> this.status.handle(arguments, state);
			case CLOSE -> this.close.handle(arguments, message, state);
			case RELAY -> this.relay.handle(arguments, message, state);
			case READS -> this.reads.handle(arguments, state);
			case RECALL -> dispatcherOnly(message, state, () -> this.recall.handle(arguments, message));
			case CHECKINS -> new Reply(state.checkinSummary());
		};
		log.info("command.handle {} eventId={} result={}", keyword, message.eventId(),
				action.getClass().getSimpleName());
		return action;
	}

	private static Action dispatcherOnly(RobotMessageReceived message, State state, Supplier<Action> command) {
		boolean dispatcher = !message.senderUserId().isEmpty()
				&& state.officer(message.senderUserId()).map(Officer::dispatcher).orElse(false);
		return dispatcher ? command.get() : new Reply(Texts.DISPATCHERS_ONLY);
	}

}
