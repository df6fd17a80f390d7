package io.jingling.engine;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.jingling.directory.Directory;
import io.jingling.directory.DirectoryStore;
import io.jingling.inbound.Inbox;
import io.jingling.security.ConsoleUsers;
import io.jingling.support.HubProperties;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Dispatchers open assist requests outside DingTalk: {@code POST /api/assist-requests}
 * with {@code {"circles": [ids], "content", "caseOfficer", "validityHours", "urgent",
 * "sensitive"}} and an optional {@code Idempotency-Key} header, or the console's form.
 * The request goes through the inbox under its key, so a second submission with the same
 * key opens nothing new and answers with the first one's code; it is handled at once, and
 * the answer says whether it went out or waits for approval.
 */
@RestController
public class DispatcherRequests {

	/** The longest an assist request may collect tips, in hours. */
	static final int MAX_VALIDITY_HOURS = 720;

	private static final int MAX_CONTENT = 2000;

	private final Inbox inbox;

	private final InboxProcessor processor;

	private final DirectoryStore directory;

	private final ConsoleUsers users;

	private final JdbcTemplate jdbc;

	private final HubProperties hub;

	DispatcherRequests(Inbox inbox, InboxProcessor processor, DirectoryStore directory, ConsoleUsers users,
			JdbcTemplate jdbc, HubProperties hub) {
		this.inbox = inbox;
		this.processor = processor;
		this.directory = directory;
		this.users = users;
		this.jdbc = jdbc;
		this.hub = hub;
	}

	/** What a dispatcher asks for. */
	public record Form(List<String> circles, String content, String caseOfficer, Integer validityHours, Boolean urgent,
			Boolean sensitive) {
	}

	/** The request opened, and where it stands. */
	public record Opened(String code, String status) {
	}

	@PostMapping("/api/assist-requests")
	ResponseEntity<Opened> post(@RequestBody Form form,
			@RequestHeader(name = "Idempotency-Key", required = false) String key, Principal user) {
		try {
			Opened opened = open(user.getName(), form, (key != null) ? key : UUID.randomUUID().toString());
			return ResponseEntity.created(URI.create("/api/assist-requests/" + opened.code())).body(opened);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
	}

	/**
	 * Opens an assist request for a console user.
	 * @param key the submission's idempotency key (at most 100 characters)
	 * @throws IllegalArgumentException with a message in Chinese when the form does not
	 * hold
	 */
	public Opened open(String username, Form form, String key) {
		if (key.isBlank() || key.length() > 100) {
			throw new IllegalArgumentException("请求标识（Idempotency-Key）须为 1 到 100 个字符");
		}
		String dispatcher = this.users.dingTalkUserIdOf(username);
		if (dispatcher == null) {
			throw new IllegalArgumentException("该账户未关联钉钉用户，不能发起协查");
		}
		DispatcherRequest request = checked(dispatcher, form);
		Long id = this.inbox.store("console", key, DispatcherRequest.TYPE, request);
		if (id == null) {
			id = this.jdbc.queryForObject(
					"SELECT id FROM inbox_event WHERE platform = 'console' AND platform_msg_id = ?", Long.class, key);
		}
		else {
			this.processor.process(id);
		}
		List<Opened> opened = this.jdbc.query("SELECT code, status FROM assist_request WHERE source_event_id = ?",
				(rs, i) -> new Opened(rs.getString(1), rs.getString(2)), id);
		if (opened.isEmpty()) {
			throw new IllegalStateException("assist request of inbox entry " + id + " was not opened");
		}
		return opened.get(0);
	}

	private DispatcherRequest checked(String dispatcher, Form form) {
		Directory people = this.directory.current();
		Set<String> known = people.circles().stream().map((circle) -> circle.id()).collect(Collectors.toSet());
		List<String> circles = (form.circles() != null) ? form.circles().stream().distinct().toList() : List.of();
		if (circles.isEmpty()) {
			throw new IllegalArgumentException("请至少选择一个圈子");
		}
		List<String> unknown = circles.stream().filter((id) -> !known.contains(id)).toList();
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("没有这些圈子：" + String.join("、", unknown));
		}
		String content = (form.content() != null) ? form.content().strip() : "";
		if (content.isEmpty() || content.length() > MAX_CONTENT) {
			throw new IllegalArgumentException("协查内容须为 1 到 " + MAX_CONTENT + " 个字");
		}
		String caseOfficer = (form.caseOfficer() != null && !form.caseOfficer().isBlank()) ? form.caseOfficer()
				: dispatcher;
		if (people.officer(caseOfficer).isEmpty()) {
			throw new IllegalArgumentException("没有这位民警：" + caseOfficer);
		}
		int hours = (form.validityHours() != null) ? form.validityHours() : (int) this.hub.assistValidity().toHours();
		if (hours < 1 || hours > MAX_VALIDITY_HOURS) {
			throw new IllegalArgumentException("有效期须为 1 到 " + MAX_VALIDITY_HOURS + " 小时");
		}
		return new DispatcherRequest(dispatcher, circles, content, caseOfficer, hours,
				Boolean.TRUE.equals(form.urgent()), Boolean.TRUE.equals(form.sensitive()));
	}

}
