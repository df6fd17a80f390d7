package io.jingling.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.jingling.connectors.wechat.sim.WeComSimulator;
import io.jingling.connectors.wechat.sim.WeComSimulator.Callback;
import io.jingling.directory.DirectoryStore;
import io.jingling.directory.Liaison;
import io.jingling.informant.DemoMembers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the people on the other side do in the embedded run, so a newcomer can watch an
 * assist request go out and tips come back: liaison officers confirm their WeCom tasks,
 * and for each broadcast one demo informant of the circle opens the request's 微信客服 link
 * and sends a tip. Everything reaches the hub through its real callback, signed and
 * encrypted by the simulator.
 */
class DemoScenario {

	private static final Logger log = LoggerFactory.getLogger(DemoScenario.class);

	private final WeComSimulator weCom;

	private final DirectoryStore directory;

	private final DemoMembers members;

	private final JdbcTemplate jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	private final Set<String> confirmed = ConcurrentHashMap.newKeySet();

	private final Set<String> answered = ConcurrentHashMap.newKeySet();

	private volatile int port;

	DemoScenario(WeComSimulator weCom, DirectoryStore directory, DemoMembers members, JdbcTemplate jdbc) {
		this.weCom = weCom;
		this.directory = directory;
		this.members = members;
		this.jdbc = jdbc;
	}

	@EventListener(WebServerInitializedEvent.class)
	void serverStarted(WebServerInitializedEvent event) {
		this.port = event.getWebServer().getPort();
	}

	/** One step of the scenario: confirm new tasks, answer new broadcasts. */
	public void play() {
		if (this.port == 0) {
			return;
		}
		for (Liaison liaison : this.directory.current().liaisons().values()) {
			for (String msgId : this.weCom.tasksOf(liaison.wecomUserId())) {
				if (this.confirmed.add(msgId)) {
					this.weCom.confirmTask(msgId, liaison.wecomUserId());
					log.info("sandbox.scenario task confirmed owner={} msgId={}", liaison.wecomUserId(), msgId);
				}
			}
		}
		for (Map<String, Object> request : this.jdbc
			.queryForList("SELECT code, circles FROM assist_request WHERE status = 'BROADCAST'")) {
			String code = (String) request.get("CODE");
			if (this.answered.add(code)) {
				answer(code, List.of(((String) request.get("CIRCLES")).split(",")));
			}
		}
	}

	private void answer(String code, List<String> circles) {
		List<String> informants = circles.stream()
			.flatMap((circle) -> this.members.externalUserIdsOf(circle).stream())
			.toList();
		if (informants.isEmpty()) {
			return;
		}
		String informant = informants.get(Math.floorMod(code.hashCode(), informants.size()));
		post(this.weCom.customerEntersSession(informant, circles.get(0), code));
		post(this.weCom.customerWritesText(informant, "半小时前在城东加油站附近见过，往河口方向去了"));
		log.info("sandbox.scenario tip sent assist={}", code);
	}

	private void post(Callback callback) {
		String query = callback.query()
			.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		try {
			this.http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/callbacks/wecom?" + query))
					.header("Content-Type", "text/xml; charset=utf-8")
					.POST(HttpRequest.BodyPublishers.ofString(callback.body()))
					.build(), HttpResponse.BodyHandlers.discarding());
		}
		catch (IOException ex) {
			log.warn("sandbox.scenario callback failed: {}", ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
