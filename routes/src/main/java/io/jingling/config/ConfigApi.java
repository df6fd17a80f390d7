package io.jingling.config;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Config versions for admins, under {@code /api/config/versions}: the kinds with the
 * version in force ({@code GET}); per kind its versions with who, when, why and diff
 * ({@code GET …/{kind}}), one version's content ({@code GET …/{kind}/{n}}), the diff
 * between two ({@code GET …/{kind}/diff?from=&to=}), a check without saving ({@code POST
 * …/{kind}/validate} with {@code {"content"}}), a new version ({@code POST …/{kind}} with
 * {@code {"content", "reason"}}: checked, then in force at once or pending under the
 * two-person rule; refused with file, entry and reason), the second admin's approval of a
 * pending version ({@code POST …/{kind}/{n}/activate}), a roll-back ({@code POST
 * …/{kind}/rollback} with {@code {"version", "reason"}}), and for GitOps a version as a
 * zip of its files ({@code GET …/{kind}/{n}/export}) and such a zip proposed as a new
 * version, checked like an edit ({@code POST …/{kind}/import?reason=}, body
 * {@code application/zip}).
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

	/** A candidate to check without saving it. */
	record Candidate(String content) {
	}

	/** A kind and the number of its version in force. */
	record Kind(String kind, int active) {
	}

	@GetMapping("/api/config/versions")
	List<Kind> kinds() {
		return this.versions.kinds()
			.stream()
			.sorted()
			.map((kind) -> new Kind(kind, this.versions.activeVersion(kind).orElse(0)))
			.toList();
	}

	@GetMapping("/api/config/versions/{kind}")
	List<ConfigVersion> list(@PathVariable String kind) {
		known(kind);
		return this.versions.versions(kind);
	}

	@GetMapping("/api/config/versions/{kind}/{version}")
	Map<String, Object> content(@PathVariable String kind, @PathVariable int version) {
		known(kind);
		return Map.of("kind", kind, "version", version, "content", existing(kind, version));
	}

	@GetMapping("/api/config/versions/{kind}/diff")
	Map<String, Object> diff(@PathVariable String kind, @RequestParam int from, @RequestParam int to) {
		known(kind);
		return Map.of("kind", kind, "from", from, "to", to, "diff",
				LineDiff.of(existing(kind, from), existing(kind, to)));
	}

	@PostMapping("/api/config/versions/{kind}/validate")
	Map<String, Object> validate(@PathVariable String kind, @RequestBody Candidate candidate) {
		known(kind);
		this.versions.check(kind, required(candidate.content(), "content"));
		return Map.of("kind", kind, "valid", true);
	}

	@PostMapping("/api/config/versions/{kind}")
	ConfigVersion edit(@PathVariable String kind, @RequestBody Edit edit, Principal user) {
		known(kind);
		return this.versions.propose(kind, required(edit.content(), "content"), user.getName(),
				required(edit.reason(), "reason"));
	}

	@PostMapping("/api/config/versions/{kind}/{version}/activate")
	ConfigVersion activate(@PathVariable String kind, @PathVariable int version, Principal user) {
		known(kind);
		return this.versions.approve(kind, version, user.getName());
	}

	@GetMapping(value = "/api/config/versions/{kind}/{version}/export", produces = "application/zip")
	ResponseEntity<byte[]> export(@PathVariable String kind, @PathVariable int version) {
		known(kind);
		existing(kind, version);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("jingling-" + kind + "-v" + version + ".zip")
						.build()
						.toString())
			.body(ConfigArchive.zip(this.versions.files(kind, version)));
	}

	@PostMapping(value = "/api/config/versions/{kind}/import", consumes = "application/zip")
	ConfigVersion importFiles(@PathVariable String kind, @RequestParam String reason, @RequestBody byte[] archive,
			Principal user) {
		known(kind);
		Map<String, String> files;
		try {
			files = ConfigArchive.unzip(archive);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
		return this.versions.importFiles(kind, files, user.getName(), required(reason, "reason"));
	}

	@PostMapping("/api/config/versions/{kind}/rollback")
	ConfigVersion rollback(@PathVariable String kind, @RequestBody Rollback rollback, Principal user) {
		known(kind);
		if (rollback.version() == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "缺少 version");
		}
		existing(kind, rollback.version());
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

	private String existing(String kind, int version) {
		return this.versions.content(kind, version)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有第 " + version + " 版"));
	}

	private static String required(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "缺少 " + name);
		}
		return value;
	}

}
