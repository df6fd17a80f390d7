package io.jingling.tip;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Purges what informants wrote and sent once the retention period has passed: the tip
 * keeps its code, link and rating (so statistics and rewards stand), its text is replaced
 * by a note, and media no remaining tip refers to is deleted.
 */
@Component
public class TipRetention {

	private static final Logger log = LoggerFactory.getLogger(TipRetention.class);

	static final String PURGED = "[已按保存期限清除]";

	private final JdbcTemplate jdbc;

	private final Evidence evidence;

	private final Clock clock;

	private final Duration retention;

	TipRetention(JdbcTemplate jdbc, Evidence evidence, Clock clock,
			@Value("${jingling.tips.retention:365d}") Duration retention) {
		this.jdbc = jdbc;
		this.evidence = evidence;
		this.clock = clock;
		this.retention = retention;
	}

	/** Purges every tip older than the retention period; returns how many. */
	public int purge() {
		Timestamp before = Timestamp.from(this.clock.instant().minus(this.retention));
		List<Map<String, Object>> expired = this.jdbc
			.queryForList("SELECT code, media_ref FROM tip WHERE received_at < ? AND content <> ?", before, PURGED);
		for (Map<String, Object> tip : expired) {
			this.jdbc.update("UPDATE tip SET content = ?, media_ref = NULL WHERE code = ?", PURGED, tip.get("CODE"));
			String media = (String) tip.get("MEDIA_REF");
			if (Evidence.isReference(media) && this.jdbc.queryForObject("SELECT COUNT(*) FROM tip WHERE media_ref = ?",
					Integer.class, media) == 0) {
				this.evidence.delete(media);
			}
		}
		if (!expired.isEmpty()) {
			log.info("tip.retention purged tips={} olderThan={}", expired.size(), this.retention);
		}
		return expired.size();
	}

}
