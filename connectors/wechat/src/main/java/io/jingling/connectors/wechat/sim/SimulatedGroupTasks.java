package io.jingling.connectors.wechat.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.jingling.connectors.wechat.sim.WeComSimulator.QuotaPolicy;

// Customer-group (and customer) message tasks as state: add_msg_template creates a task that
// stays unsent until the test confirms it as the owner; confirmation spends each target's
// receive quota for the period, or marks it 3 when the quota is gone. Remind and cancel follow
// the task's state.
final class SimulatedGroupTasks {

	static final int MAX_REMINDS = 3;

	static final Duration REMIND_WINDOW = Duration.ofHours(24);

	private final Clock clock;

	private final MsgTemplateRules rules;

	private final GroupQuotas quotas = new GroupQuotas();

	private final Map<String, Task> tasks = new LinkedHashMap<>();

	SimulatedGroupTasks(Clock clock, SimulatedMedia media) {
		this.clock = clock;
		this.rules = new MsgTemplateRules(media);
	}

	synchronized Answer add(JsonNode request) {
		Optional<Answer> refusal = this.rules.refusal(request);
		if (refusal.isPresent()) {
			return refusal.get();
		}
		boolean group = MsgTemplateRules.isGroup(request);
		List<String> targets = MsgTemplateRules.targets(request);
		// targets that do not look like WeCom ids (wr... groups, wm/wo... customers) fail
		String prefix = group ? "wr" : "w";
		List<String> failed = targets.stream().filter((target) -> !target.startsWith(prefix)).toList();
		String msgId = "msg" + UUID.randomUUID().toString().replace("-", "");
		this.tasks.put(msgId, new Task(msgId, group, request.path("sender").asText(), targets, failed,
				request.path("text").path("content").asText(""), this.clock.instant()));
		ObjectNode answer = Answer.ok();
		failed.forEach(answer.putArray("fail_list")::add);
		return Answer.json(answer.put("msgid", msgId));
	}

	// get_groupmsg_list_v2: the tasks a creator made in [start_time, end_time], newest
	// last
	synchronized Answer createdList(JsonNode request) {
		String creator = request.path("creator").asText("");
		long start = request.path("start_time").asLong(-1);
		long end = request.path("end_time").asLong(-1);
		Integer limit = Paging.limit(request, 50, 100);
		Integer from = Paging.position(request);
		if (start < 0 || end < start || limit == null || from == null) {
			return Answer.invalid("start_time, end_time, limit or cursor");
		}
		List<ObjectNode> rows = new ArrayList<>();
		this.tasks.values()
			.stream()
			.filter((task) -> task.group && (creator.isEmpty() || creator.equals(task.sender)))
			.filter((task) -> epoch(task.createTime) >= start && epoch(task.createTime) <= end)
			.forEach((task) -> {
				ObjectNode row = Answer.mapper()
					.createObjectNode()
					.put("msgid", task.msgId)
					.put("creator", task.sender)
					.put("create_type", 1)
					.put("create_time", epoch(task.createTime));
				row.putObject("text").put("content", task.text);
				rows.add(row);
			});
		return Answer.json(Paging.page(Answer.ok(), "group_msg_list", rows, from, limit));
	}

	synchronized Answer taskList(JsonNode request) {
		Task task = this.tasks.get(request.path("msgid").asText(""));
		Integer limit = Paging.limit(request, 500, 1000);
		Integer from = Paging.position(request);
		if (task == null || limit == null || from == null) {
			return Answer.invalid("msgid, limit or cursor");
		}
		ObjectNode row = Answer.mapper()
			.createObjectNode()
			.put("userid", task.sender)
			.put("status", task.sent() ? 2 : 0)
			.put("send_time", epoch(task.sendTime));
		return Answer.json(Paging.page(Answer.ok(), "task_list", List.of(row), from, limit));
	}

	synchronized Answer sendResults(JsonNode request) {
		Task task = this.tasks.get(request.path("msgid").asText(""));
		Integer limit = Paging.limit(request, 500, 1000);
		Integer from = Paging.position(request);
		String owner = request.path("userid").asText("");
		if (task == null || limit == null || from == null || owner.isEmpty()) {
			return Answer.invalid("msgid, userid, limit or cursor");
		}
		List<ObjectNode> rows = new ArrayList<>();
		if (owner.equals(task.sender)) {
			task.results.forEach((target,
					result) -> rows.add(Answer.mapper()
						.createObjectNode()
						.put("external_userid", task.group ? "" : target)
						.put("chat_id", task.group ? target : "")
						.put("userid", task.sender)
						.put("status", result.status)
						.put("send_time", epoch(result.sendTime))));
		}
		return Answer.json(Paging.page(Answer.ok(), "send_list", rows, from, limit));
	}

	synchronized Answer remind(JsonNode request) {
		Task task = this.tasks.get(request.path("msgid").asText(""));
		if (task == null || task.sent() || task.cancelled) {
			return Answer.invalid("no unsent task with this msgid");
		}
		Instant now = this.clock.instant();
		while (!task.reminders.isEmpty() && !task.reminders.peekFirst().isAfter(now.minus(REMIND_WINDOW))) {
			task.reminders.removeFirst();
		}
		if (task.reminders.size() >= MAX_REMINDS) {
			return Answer.invalid("at most " + MAX_REMINDS + " reminders per 24 hours");
		}
		task.reminders.addLast(now);
		return Answer.json(Answer.ok());
	}

	synchronized Answer cancel(JsonNode request) {
		Task task = this.tasks.get(request.path("msgid").asText(""));
		if (task == null || task.sent()) {
			return Answer.invalid("no unsent task with this msgid");
		}
		task.cancelled = true;
		return Answer.json(Answer.ok());
	}

	synchronized void confirm(String msgId, String owner) {
		Task task = this.tasks.get(msgId);
		if (task == null || !task.sender.equals(owner)) {
			throw new IllegalArgumentException("No task " + msgId + " for owner " + owner);
		}
		if (task.sent() || task.cancelled) {
			throw new IllegalStateException("Task " + msgId + " was already sent or cancelled");
		}
		Instant now = this.clock.instant();
		task.results.forEach((target, result) -> {
			result.sendTime = now;
			if (task.failed.contains(target)) {
				result.status = 2;
			}
			else {
				result.status = this.quotas.spend(target, now) ? 1 : 3;
			}
		});
		task.sendTime = now;
	}

	synchronized List<String> tasksOf(String owner) {
		return this.tasks.values()
			.stream()
			.filter((task) -> task.sender.equals(owner))
			.map((task) -> task.msgId)
			.toList();
	}

	synchronized void setPolicy(QuotaPolicy policy) {
		this.quotas.setPolicy(policy);
	}

	private static long epoch(Instant instant) {
		return (instant != null) ? instant.getEpochSecond() : 0;
	}

	private static final class Task {

		private final String msgId;

		private final boolean group;

		private final String sender;

		private final List<String> failed;

		private final Map<String, Result> results = new LinkedHashMap<>();

		private final Deque<Instant> reminders = new ArrayDeque<>();

		private Instant sendTime;

		private boolean cancelled;

		private final String text;

		private final Instant createTime;

		Task(String msgId, boolean group, String sender, List<String> targets, List<String> failed, String text,
				Instant createTime) {
			this.text = text;
			this.createTime = createTime;
			this.msgId = msgId;
			this.group = group;
			this.sender = sender;
			this.failed = failed;
			targets.forEach((target) -> this.results.put(target, new Result()));
		}

		boolean sent() {
			return this.sendTime != null;
		}

	}

	private static final class Result {

		private int status;

		private Instant sendTime;

	}

}
