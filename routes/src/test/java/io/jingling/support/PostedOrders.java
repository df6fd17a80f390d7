package io.jingling.support;

import java.time.Clock;
import java.time.Duration;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Orders the demo dispatcher posts in the command group, as signed robot callbacks. */
public final class PostedOrders {

	private PostedOrders() {
	}

	/**
	 * Posts a command that makes an order and waits until DingTalk has taken it and its
	 * recipients are tracked.
	 * @return the order's code
	 */
	public static String post(int port, JdbcTemplate jdbc, Clock clock, String msgId, String text) {
		String callback = RobotCallbackSamples.message(msgId, "demo-dispatcher", text, clock);
		assertThat(new Http(port).post("/callbacks/dingtalk/robot", callback, RobotCallbackSamples.signed(clock))
			.statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM tracked_recipient r JOIN tracked_message m"
					+ " ON m.id = r.tracked_id JOIN dispatch_order o ON o.code = m.order_code JOIN inbox_event i"
					+ " ON o.source_event_id = i.id WHERE i.platform_msg_id = ?", Integer.class, msgId) > 0);
		return jdbc.queryForObject("SELECT o.code FROM dispatch_order o JOIN inbox_event i"
				+ " ON o.source_event_id = i.id WHERE i.platform_msg_id = ?", String.class, msgId);
	}

}
