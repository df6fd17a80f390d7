package io.jingling.reads;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Dry-run of a candidate version of the escalation policies for admins: {@code POST
 * /api/config/versions/escalation/dry-run} with {@code {"content", "days"}} (the orders
 * sent in the last days, 7 by default). Nothing is saved or sent; a candidate that does
 * not check out is refused (422) with the file, the entry and the reason.
 */
@RestController
class EscalationDryRunApi {

	private final EscalationDryRun dryRun;

	EscalationDryRunApi(EscalationDryRun dryRun) {
		this.dryRun = dryRun;
	}

	/** What to dry-run, and on how many days of orders. */
	record Request(String content, Integer days) {
	}

	@PostMapping("/api/config/versions/escalation/dry-run")
	EscalationDryRun.Report dryRun(@RequestBody Request request) {
		if (request.content() == null || request.content().isBlank()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "缺少 content");
		}
		return this.dryRun.run(request.content(), (request.days() != null) ? request.days() : 7);
	}

	@ExceptionHandler(IllegalArgumentException.class)
	@ResponseStatus(HttpStatus.UNPROCESSABLE_ENTITY)
	Map<String, String> refused(IllegalArgumentException refused) {
		return Map.of("error", "无法试运行", "detail", refused.getMessage());
	}

}
