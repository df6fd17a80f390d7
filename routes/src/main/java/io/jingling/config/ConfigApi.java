package io.jingling.config;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Config versions for admins: {@code GET /api/configs/{kind}/versions} (who, when, why,
 * diff), {@code GET /api/configs/{kind}/versions/{n}} (the content), {@code POST
 * /api/configs/{kind}/versions} with {@code {"content", "reason"}} (checked, then in
 * force at once, or pending under the two-person rule; refused with the file, entry and
 * reason otherwise), {@code POST /api/configs/{kind}/versions/{n}/approve} (a second
 * admin puts a pending version in force), and {@code POST /api/configs/{kind}/rollback}
 * with {@code {"version", "reason"}}.
 */
@RestController
class ConfigApi {

	private final ConfigVersions versions;

	ConfigApi(ConfigVersions versions) {
		this.versions = versions;
	}

	/** A new version. */
	record Edit(String content, String reason) {
	}

	/** A roll-back to an earlier version. */
	record Rollback(Integer version, String reason) {
	}

	@GetMapping("/api/configs/{kind}/versions")
	List<ConfigVersion> list(@PathVariable String kind) {
		known(kind);
		return this.versions.versions(kind);
	}

	@GetMapping("/api/configs/{kind}/versions/{version}")
	Map<String, Object> content(@PathVariable String kind, @PathVariable int version) {
		known(kind);
		return Map.of("kind", kind, "version", version, "content", this.versions.content(kind, version)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个版本")));
	}

	@PostMapping("/api/configs/{kind}/versions")
	ConfigVersion edit(@PathVariable String kind, @RequestBody Edit edit, Principal user) {
		known(kind);
		return this.versions.propose(kind, required(edit.content(), "content"), user.getName(),
				required(edit.reason(), "reason"));
	}

	@PostMapping("/api/configs/{kind}/versions/{version}/approve")
	ConfigVersion approve(@PathVariable String kind, @PathVariable int version, Principal user) {
		known(kind);
		return this.versions.approve(kind, version, user.getName());
	}

	@PostMapping("/api/configs/{kind}/rollback")
	ConfigVersion rollback(@PathVariable String kind, @RequestBody Rollback rollback, Principal user) {
		known(kind);
		if (rollback.version() == null || this.versions.content(kind, rollback.version()).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个版本");
		}
		return this.versions.rollback(kind, rollback.version(), user.getName(), required(rollback.reason(), "reason"));
	}

	@ExceptionHandler(ConfigRefused.class)
	@ResponseStatus(HttpStatus.UNPROCESSABLE_ENTITY)
	Map<String, String> refused(ConfigRefused refused) {
		return Map.of("error", "配置未通过检查，未生效", "detail", refused.getMessage());
	}

	@ExceptionHandler(ApprovalRefused.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	Map<String, String> approvalRefused(ApprovalRefused refused) {
		return Map.of("error", "不能批准", "detail", refused.getMessage());
	}

	private void known(String kind) {
		if (!this.versions.kinds().contains(kind)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这种配置：" + kind);
		}
	}

	private static String required(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "缺少 " + name);
		}
		return value;
	}

}
