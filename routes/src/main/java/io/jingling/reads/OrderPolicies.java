package io.jingling.reads;

import java.util.List;
import java.util.Optional;

import io.jingling.config.ConfigVersions;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The escalation policy an order follows, as it stood when the order was posted: an edit
 * of the policies applies to orders posted after it, while pending steps of earlier
 * orders keep their version.
 */
@Component
class OrderPolicies {

	private final JdbcTemplate jdbc;

	private final EscalationPolicies policies;

	private final ConfigVersions versions;

	OrderPolicies(JdbcTemplate jdbc, EscalationPolicies policies, ConfigVersions versions) {
		this.jdbc = jdbc;
		this.policies = policies;
		this.versions = versions;
	}

	Optional<EscalationPolicy> of(String orderCode) {
		List<Optional<EscalationPolicy>> found = this.jdbc.query(
				"SELECT policy, escalation_version FROM dispatch_order WHERE code = ?",
				(rs, i) -> policy(rs.getString(1), (Integer) rs.getObject(2)), orderCode);
		return found.isEmpty() ? Optional.empty() : found.get(0);
	}

	private Optional<EscalationPolicy> policy(String name, Integer version) {
		Optional<String> content = (version == null) ? Optional.empty()
				: this.versions.content(this.policies.name(), version);
		return content.isPresent() ? this.policies.policy(name, content.get()) : this.policies.policy(name);
	}

}
