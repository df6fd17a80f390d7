package io.jingling.informant;

import java.io.File;
import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jingling.support.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Enrols the demo bureau's made-up informants whenever the default profile is active, so
 * the embedded run has members to broadcast to and tips to receive. Enrolment is
 * idempotent.
 */
@Component
@Profile("default")
public class DemoMembers {

	private static final Logger log = LoggerFactory.getLogger(DemoMembers.class);

	private final Members members;

	private final HubProperties hub;

	private final TransactionTemplate transaction;

	private volatile List<DemoMember> enrolled = List.of();

	DemoMembers(Members members, HubProperties hub, TransactionTemplate transaction) {
		this.members = members;
		this.hub = hub;
		this.transaction = transaction;
	}

	@EventListener(ApplicationStartedEvent.class)
	void enroll() throws IOException {
		File file = this.hub.resolve("samples/demo/members.yaml").toFile();
		DemoFile demo = new ObjectMapper(new YAMLFactory()).readValue(file, DemoFile.class);
		this.transaction.executeWithoutResult((status) -> demo.members()
			.forEach((m) -> this.members.enroll(new Identity(m.externalUserId(), null, m.name(), m.phone()), m.circle(),
					m.township(), m.chatId(), m.smsConsent())));
		this.enrolled = List.copyOf(demo.members());
		log.info("member.demo enrolled members={}", demo.members().size());
	}

	/**
	 * The WeCom external user ids of the demo informants of a circle, for the sandbox
	 * scenario.
	 */
	public List<String> externalUserIdsOf(String circleId) {
		return this.enrolled.stream()
			.filter((member) -> member.circle().equals(circleId))
			.map(DemoMember::externalUserId)
			.toList();
	}

	record DemoFile(List<DemoMember> members) {
	}

	record DemoMember(@JsonProperty("external-user-id") String externalUserId, String name, String phone, String circle,
			String township, @JsonProperty("chat-id") String chatId, @JsonProperty("sms-consent") boolean smsConsent) {
	}

}
