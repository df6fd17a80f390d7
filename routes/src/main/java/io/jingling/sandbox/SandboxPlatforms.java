package io.jingling.sandbox;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.jingling.connectors.dingtalk.sim.DingTalkSimulator;
import io.jingling.connectors.dingtalk.sim.ReadingProfile;
import io.jingling.connectors.sms.sim.AliyunSmsSimulator;
import io.jingling.connectors.sms.sim.SimulatedSms;
import io.jingling.directory.DirectoryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;

/**
 * The simulated platforms' side of the demo bureau: DingTalk knows the groups' members
 * (so orders have targets), officers read orders over minutes as the demo reading profile
 * says (some never), and Aliyun's receipts for SMS come back through the hub's real push
 * endpoint, some of them twice.
 */
class SandboxPlatforms {

	private static final Logger log = LoggerFactory.getLogger(SandboxPlatforms.class);

	private final DingTalkSimulator dingTalk;

	private final AliyunSmsSimulator sms;

	private final DirectoryStore directory;

	private final String callbackToken;

	private final boolean scenario;

	private final Set<String> delivered = ConcurrentHashMap.newKeySet();

	private volatile int port;

	SandboxPlatforms(DingTalkSimulator dingTalk, AliyunSmsSimulator sms, DirectoryStore directory, String callbackToken,
			boolean scenario) {
		this.dingTalk = dingTalk;
		this.sms = sms;
		this.directory = directory;
		this.callbackToken = callbackToken;
		this.scenario = scenario;
	}

	@EventListener(WebServerInitializedEvent.class)
	void serverStarted(WebServerInitializedEvent event) {
		this.port = event.getWebServer().getPort();
	}

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		var people = this.directory.current();
		people.groups()
			.keySet()
			.forEach((group) -> this.dingTalk.setGroupMembers(group, List.copyOf(people.membersOf(group))));
		if (this.scenario) {
			this.dingTalk.setReadingProfile(ReadingProfile.demo());
		}
	}

	/**
	 * Delivers the SMS Aliyun accepted since the last call and pushes their receipts; an
	 * even number of them is pushed twice.
	 */
	public void pushReceipts() {
		if (this.port == 0 || this.callbackToken.isBlank()) {
			return;
		}
		List<SimulatedSms> accepted = this.sms.accepted();
		int fresh = 0;
		for (SimulatedSms message : accepted) {
			for (String phone : message.phoneNumbers()) {
				if (this.delivered.add(message.bizId() + "|" + phone)) {
					this.sms.deliver(message.bizId(), phone, true);
					fresh++;
				}
			}
		}
		if (fresh > 0) {
			int status = this.sms.pushReceipts(
					URI.create("http://127.0.0.1:" + this.port + "/callbacks/sms/" + this.callbackToken + "/report"),
					fresh % 2 == 0);
			log.info("sandbox.sms receipts pushed status={}", status);
		}
	}

}
