package io.jingling.outbox;

import io.jingling.dingtalk.DingTalkProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

	@Bean
	Pacer pacer(DingTalkProperties dingTalk) {
		return new Pacer(dingTalk.messagesPerMinute());
	}

}
