package io.jingling.tip;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import io.jingling.connectors.wechat.sim.WeComSimulator;
import io.jingling.support.Http;
import io.jingling.support.HubTest;
import io.jingling.support.MutableClock;
import io.jingling.support.WeComCallbacks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A photo is kept as evidence by its hash while WeCom still serves it; content goes after
 * retention.
 */
@HubTest
class TipMediaAndRetentionTest {

	@Autowired
	WeComSimulator weCom;

	@Autowired
	Evidence evidence;

	@Autowired
	TipRetention retention;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	@BeforeEach
	void setUp() {
		this.clock.advance(Duration.ofMinutes(1));
		this.weCom.clearJournal();
	}

	@Test
	void keepsAPhotoAsEvidenceAndPurgesItWithTheTextAfterRetention() {
		byte[] photo = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x11, 0x22, 0x33, 0x44, (byte) 0xD9 };

		WeComCallbacks.post(new Http(this.port), this.weCom.customerSendsImage("wmJLDemoHospitality0014", photo));

		await().atMost(Duration.ofSeconds(10))
			.until(() -> !this.jdbc
				.queryForList("SELECT code FROM tip t JOIN member m ON m.id = t.member_id WHERE t.kind = 'image'"
						+ " AND m.circle_id = 'hospitality'", String.class)
				.isEmpty());
		Map<String, Object> tip = this.jdbc.queryForMap("SELECT t.code, t.media_ref FROM tip t JOIN member m"
				+ " ON m.id = t.member_id WHERE t.kind = 'image' AND m.circle_id = 'hospitality'");
		String reference = (String) tip.get("MEDIA_REF");
		assertThat(reference).isEqualTo("sha256:" + HexFormat.of().formatHex(sha256(photo)));
		assertThat(this.evidence.read(reference)).isEqualTo(photo);

		this.jdbc.update("UPDATE tip SET received_at = ? WHERE code = ?",
				Timestamp.from(this.clock.instant().minus(Duration.ofDays(366))), tip.get("CODE"));
		assertThat(this.retention.purge()).isEqualTo(1);

		assertThat(this.jdbc.queryForMap("SELECT content, media_ref FROM tip WHERE code = ?", tip.get("CODE")))
			.containsEntry("CONTENT", TipRetention.PURGED)
			.containsEntry("MEDIA_REF", null);
		assertThatThrownBy(() -> this.evidence.read(reference)).hasMessageContaining(reference);
		assertThat(this.retention.purge()).isZero();
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
