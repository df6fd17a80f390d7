package io.jingling.assist;

import java.util.List;

import io.jingling.bots.engine.Circle;
import io.jingling.directory.Directory;
import io.jingling.directory.DirectoryStore;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The six circles and what a broadcast to each would reach now: {@code GET /api/circles},
 * for admins, dispatchers, officers and viewers. Counts only: no group member, liaison or
 * informant is named.
 */
@RestController
class CircleApi {

	private final DirectoryStore directory;

	private final Broadcasts broadcasts;

	private final JdbcTemplate jdbc;

	CircleApi(DirectoryStore directory, Broadcasts broadcasts, JdbcTemplate jdbc) {
		this.directory = directory;
		this.broadcasts = broadcasts;
		this.jdbc = jdbc;
	}

	/**
	 * One circle.
	 *
	 * @param groups its customer groups that take broadcasts
	 * @param groupsWithoutQuota the names of those whose mass-message quota is spent this
	 * period: a broadcast now leaves them out
	 * @param tasks the WeCom tasks a broadcast now would take (one per liaison owning
	 * groups)
	 * @param members the people a broadcast now would reach
	 * @param informants the circle's informants known to the hub (pseudonyms), not opted
	 * out
	 */
	record CircleReach(String id, String name, List<String> aliases, int groups, List<String> groupsWithoutQuota,
			int tasks, int members, int informants) {
	}

	@GetMapping("/api/circles")
	List<CircleReach> circles() {
		Directory people = this.directory.current();
		return people.circles().stream().map((circle) -> reach(circle, people)).toList();
	}

	private CircleReach reach(Circle circle, Directory people) {
		Broadcasts.Reach reach = this.broadcasts.reach(List.of(circle.id()));
		int informants = this.jdbc.queryForObject("SELECT COUNT(*) FROM member WHERE circle_id = ? AND NOT opted_out",
				Integer.class, circle.id());
		return new CircleReach(circle.id(), circle.name(), circle.aliases(),
				people.customerGroupsOf(List.of(circle.id())).size(), reach.exhausted(), reach.tasks(), reach.members(),
				informants);
	}

}
