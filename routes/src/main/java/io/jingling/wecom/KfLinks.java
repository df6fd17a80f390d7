package io.jingling.wecom;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.jingling.connectors.wechat.client.WeComClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The 微信客服 links broadcasts carry: one link per circle ({@code scene} = the circle id),
 * made once by a platform call and kept; each broadcast appends {@code scene_param} = its
 * assist code, which WeCom echoes when an informant opens the chat through it.
 */
@Component
public class KfLinks {

	private static final Logger log = LoggerFactory.getLogger(KfLinks.class);

	private final JdbcTemplate jdbc;

	private final WeComClient client;

	KfLinks(JdbcTemplate jdbc, WeComClient client) {
		this.jdbc = jdbc;
		this.client = client;
	}

	/**
	 * The circle's link tagged with the assist code; makes the circle's link first if
	 * needed.
	 */
	public String linkFor(String scene, String assistCode) {
		return base(scene) + "&scene_param=" + URLEncoder.encode(assistCode, StandardCharsets.UTF_8);
	}

	private String base(String scene) {
		List<String> known = this.jdbc.queryForList("SELECT url FROM kf_link WHERE scene = ?", String.class, scene);
		if (!known.isEmpty()) {
			return known.get(0);
		}
		String url = this.client.kfLink(scene);
		try {
			this.jdbc.update("INSERT INTO kf_link (scene, url) VALUES (?, ?)", scene, url);
			log.info("wecom.kf-link created scene={}", scene);
			return url;
		}
		catch (DuplicateKeyException ex) {
			return this.jdbc.queryForObject("SELECT url FROM kf_link WHERE scene = ?", String.class, scene);
		}
	}

}
