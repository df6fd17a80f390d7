package io.jingling.audit;

import java.util.List;
import java.util.Locale;

import io.jingling.support.ApiLimit;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/audit} for admins: the newest entries first ({@code limit}, 100 by
 * default, at most 1000), optionally only one {@code action}.
 */
@RestController
class AuditApi {

	private static final int MAX = 1000;

	private final AuditLog audit;

	AuditApi(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/api/audit")
	List<AuditLog.Entry> recent(@RequestParam(required = false) String action,
			@RequestParam(defaultValue = "100") int limit) {
		ApiLimit.checked(limit, MAX);
		return this.audit.recent(action(action), limit);
	}

	private static AuditLog.Action action(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		try {
			return AuditLog.Action.valueOf(name.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "没有这种审计动作：" + name);
		}
	}

}
