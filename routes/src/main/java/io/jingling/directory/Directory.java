package io.jingling.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.jingling.bots.engine.Circle;
import io.jingling.bots.engine.Group;
import io.jingling.bots.engine.Officer;

/**
 * An immutable snapshot of the bureau's directory. Small (hundreds of rows), read on
 * every event, so it lives in memory and is replaced whole when the directory is
 * reloaded.
 */
public record Directory(Map<String, Officer> officers, Map<String, Group> groups, Map<String, Set<String>> members,
		List<Circle> circles, List<CustomerGroup> customerGroups, Map<String, Liaison> liaisons,
		QuotaPolicy quotaPolicy) {

	static final Directory EMPTY = new Directory(Map.of(), Map.of(), Map.of(), List.of(), List.of(), Map.of(),
			QuotaPolicy.DAYS_IN_MONTH);

	static Directory of(List<Officer> officers, List<Group> groups, Map<String, Set<String>> members,
			List<Circle> circles, List<CustomerGroup> customerGroups, List<Liaison> liaisons, QuotaPolicy policy) {
		return new Directory(
				officers.stream().collect(Collectors.toUnmodifiableMap(Officer::userId, Function.identity())),
				groups.stream().collect(Collectors.toUnmodifiableMap(Group::openConversationId, Function.identity())),
				Map.copyOf(members), List.copyOf(circles), List.copyOf(customerGroups),
				liaisons.stream().collect(Collectors.toUnmodifiableMap(Liaison::wecomUserId, Function.identity())),
				policy);
	}

	public Optional<Officer> officer(String userId) {
		return Optional.ofNullable(userId).map(this.officers::get);
	}

	/** The command group (channel {@code command}), where reports to dispatchers go. */
	public Optional<String> commandGroupId() {
		return this.groups.values()
			.stream()
			.filter((group) -> "command".equals(group.channel()))
			.map(Group::openConversationId)
			.sorted()
			.findFirst();
	}

	public Optional<Group> group(String openConversationId) {
		return Optional.ofNullable(openConversationId).map(this.groups::get);
	}

	public Optional<Group> groupNamed(String name) {
		return this.groups.values().stream().filter((group) -> group.name().equals(name)).findFirst();
	}

	public List<Officer> officersNamed(String name) {
		return this.officers.values().stream().filter((officer) -> officer.name().equals(name)).toList();
	}

	/** Members of a group as known to the directory. */
	public Set<String> membersOf(String openConversationId) {
		return this.members.getOrDefault(openConversationId, Set.of());
	}

	public String nameOf(String userId) {
		return officer(userId).map(Officer::name).orElse(userId);
	}

	/** A circle's display name, or its id when unknown. */
	public String circleName(String circleId) {
		return this.circles.stream()
			.filter((circle) -> circle.id().equals(circleId))
			.map(Circle::name)
			.findFirst()
			.orElse(circleId);
	}

	/** The live customer groups of the given circles, in configuration order. */
	public List<CustomerGroup> customerGroupsOf(List<String> circleIds) {
		return this.customerGroups.stream().filter((group) -> circleIds.contains(group.circleId())).toList();
	}

}
