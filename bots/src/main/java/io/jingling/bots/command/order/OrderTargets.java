package io.jingling.bots.command.order;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.jingling.bots.engine.Group;
import io.jingling.bots.engine.Officer;
import io.jingling.bots.engine.OrderTarget;
import io.jingling.bots.engine.State;

/** Finds who {@code 对象} names: {@code 全体}, then a group's name, then officers' names. */
final class OrderTargets {

	private static final String EVERYONE = "全体";

	private OrderTargets() {
	}

	sealed interface Lookup {

	}

	record Found(OrderTarget target) implements Lookup {

	}

	/**
	 * @param reason a short Chinese sentence for the dispatcher
	 */
	record NotFound(String reason) implements Lookup {

	}

	static Lookup resolve(String target, State state) {
		if (target.equals(EVERYONE)) {
			return new Found(new OrderTarget.ToEveryone());
		}
		Optional<Group> group = state.groupNamed(target);
		if (group.isPresent()) {
			return new Found(new OrderTarget.ToGroup(group.get().openConversationId(), group.get().name()));
		}
		return officers(target, state);
	}

	private static Lookup officers(String target, State state) {
		Set<String> userIds = new LinkedHashSet<>();
		List<String> unknown = new ArrayList<>();
		for (String name : target.split("[、，,]")) {
			if (name.isBlank()) {
				continue;
			}
			List<Officer> officers = state.officersNamed(name.strip());
			if (officers.size() > 1) {
				return new NotFound("「" + name.strip() + "」有 " + officers.size() + " 位同名民警，请改发到他们所在的群。");
			}
			if (officers.isEmpty()) {
				unknown.add(name.strip());
			}
			else {
				userIds.add(officers.get(0).userId());
			}
		}
		if (!unknown.isEmpty() || userIds.isEmpty()) {
			return new NotFound("找不到「" + String.join("、", unknown.isEmpty() ? List.of(target) : unknown) + "」：对象要写「"
					+ EVERYONE + "」、群名或民警姓名。");
		}
		return new Found(new OrderTarget.ToOfficers(List.copyOf(userIds)));
	}

}
