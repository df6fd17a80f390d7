package io.jingling.sms;

import java.util.List;
import java.util.Map;

import io.jingling.connectors.sms.client.SmsTemplate;
import io.jingling.informant.Members;
import io.jingling.outbox.Outbox;
import io.jingling.outbox.SmsFrequency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the hub says by SMS to informants who write by SMS. Aliyun sends only approved
 * templates, so these are fixed notices ({@code jingling.sms.informant-templates.*}); a
 * case officer's free-text question cannot be relayed this way.
 */
@Component
public class InformantSms {

	private static final Logger log = LoggerFactory.getLogger(InformantSms.class);

	/** The channel of members who write by SMS. */
	public static final String CHANNEL = "sms";

	/** The notices, each an approved template. */
	public enum Notice {

		/** "your tip {code} was received"; parameter {@code code}. */
		TIP_ACK,
		/** "assist request {code} is closed, thank you"; parameter {@code code}. */
		THANKS,
		/** "you will get no more messages"; no parameters. */
		OPTED_OUT,
		/**
		 * "urgent assist request {code}: reply with what you know"; parameter
		 * {@code code}.
		 */
		ASSIST

	}

	private final Outbox outbox;

	private final Members members;

	private final SmsFrequency frequency;

	private final Map<Notice, SmsTemplate> templates;

	InformantSms(Outbox outbox, Members members, SmsFrequency frequency,
			@Value("${jingling.sms.informant-templates.tip-ack:SMS_490000002}") String tipAck,
			@Value("${jingling.sms.informant-templates.thanks:SMS_490000003}") String thanks,
			@Value("${jingling.sms.informant-templates.opted-out:SMS_490000004}") String optedOut,
			@Value("${jingling.sms.informant-templates.assist:SMS_490000005}") String assist) {
		this.outbox = outbox;
		this.members = members;
		this.frequency = frequency;
		this.templates = Map.of(Notice.TIP_ACK, new SmsTemplate(tipAck, List.of("code")), Notice.THANKS,
				new SmsTemplate(thanks, List.of("code")), Notice.OPTED_OUT, new SmsTemplate(optedOut, List.of()),
				Notice.ASSIST, new SmsTemplate(assist, List.of("code")));
	}

	/** Whether a member's channel is SMS. */
	public static boolean bySms(String channel) {
		return CHANNEL.equals(channel);
	}

	/** The templates these notices use, for the client's parameter checks. */
	public List<SmsTemplate> templates() {
		return List.copyOf(this.templates.values());
	}

	/** Queues a notice to the member's number; the number is opened from the vault. */
	public void send(String actionKey, long memberId, Notice notice, String code) {
		String phone = this.members.identityOf(memberId).phone();
		if (phone == null) {
			log.warn("sms.informant skipped memberId={} notice={}: no number on record", memberId, notice);
			return;
		}
		SmsTemplate template = this.templates.get(notice);
		Map<String, String> parameters = template.parameters().isEmpty() ? Map.of() : Map.of("code", code);
		this.outbox.smsToMember(actionKey, memberId, this.frequency.phoneKey(phone), template.code(), parameters);
	}

}
