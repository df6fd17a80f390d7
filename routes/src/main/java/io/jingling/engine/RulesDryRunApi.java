package io.jingling.engine;

import java.util.List;
import java.util.Map;

import io.jingling.inbound.CallbackRefusedException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Dry-run of a candidate rules version for admins: {@code POST
 * /api/config/versions/rules/dry-run} with {@code {"content", "sample"}} (a robot
 * callback from {@code GET /api/config/versions/rules/dry-run/samples}) or
 * {@code {"content", "days"}} (the robot messages recorded in the last days, 1 by
 * default). Nothing is saved or sent; a candidate that does not compile is refused (422)
 * with file, rule and position.
 */
@RestController
class RulesDryRunApi {

	private final RulesDryRun dryRun;

	RulesDryRunApi(RulesDryRun dryRun) {
		this.dryRun = dryRun;
	}

	/** What to dry-run, and on what. */
	record Request(String content, String sample, Integer days) {
	}

	@GetMapping("/api/config/versions/rules/dry-run/samples")
	List<String> samples() {
		return this.dryRun.samples();
	}

	@PostMapping("/api/config/versions/rules/dry-run")
	RulesDryRun.Report dryRun(@RequestBody Request request) {
		if (request.content() == null || request.content().isBlank()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "缺少 content");
		}
		if (request.sample() != null && request.days() != null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "sample 与 days 只能选一个");
		}
		if (request.sample() != null) {
			return this.dryRun.onSample(request.content(), request.sample());
		}
		return this.dryRun.onRecorded(request.content(), (request.days() != null) ? request.days() : 1);
	}

	@ExceptionHandler(IllegalArgumentException.class)
	@ResponseStatus(HttpStatus.UNPROCESSABLE_ENTITY)
	Map<String, String> refused(IllegalArgumentException refused) {
		return Map.of("error", "无法试运行", "detail", refused.getMessage());
	}

	@ExceptionHandler(CallbackRefusedException.class)
	@ResponseStatus(HttpStatus.UNPROCESSABLE_ENTITY)
	Map<String, String> badSample(CallbackRefusedException refused) {
		return Map.of("error", "样例不是钉钉机器人消息", "detail", refused.reason());
	}

}
