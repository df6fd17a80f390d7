package io.jingling.sandbox;

import java.time.Clock;

import io.jingling.connectors.dingtalk.sim.DingTalkSimulator;
import io.jingling.connectors.sms.SmsProperties;
import io.jingling.connectors.sms.sim.AliyunSmsSimulator;
import io.jingling.reads.EscalationPolicies;
import io.jingling.sms.InformantSms;
import io.jingling.connectors.wechat.sim.MpSimulator;
import io.jingling.connectors.wechat.sim.WeComSimulator;
import io.jingling.dingtalk.DingTalkProperties;
import io.jingling.dingtalk.EventCallbackProperties;
import io.jingling.duty.DutyBoard;
import io.jingling.directory.DirectoryStore;
import io.jingling.informant.DemoMembers;
import org.apache.camel.builder.RouteBuilder;
import io.jingling.wecom.WeComProperties;
import io.jingling.wxmp.WxMpProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Starts the platform simulators for the embedded default. They accept the configured
 * (demo) credentials, so the hub talks to them exactly as it would to the real platforms.
 */
@Profile("!prod")
@ConditionalOnProperty(name = "jingling.sandbox.enabled", havingValue = "true", matchIfMissing = true)
@Configuration(proxyBeanMethods = false)
class SandboxConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SandboxConfiguration.class);

	@Bean(destroyMethod = "close")
	DingTalkSimulator dingTalkSimulator(DingTalkProperties properties, Clock clock) {
		DingTalkSimulator simulator = DingTalkSimulator.start(properties.appKey(), properties.appSecret(),
				properties.robotCode(),
				(properties.agentId() != null) ? properties.agentId() : DingTalkSimulator.DEFAULT_AGENT_ID, clock);
		log.info("sandbox.dingtalk started url={} journal={}/__admin/requests", simulator.baseUrl(),
				simulator.baseUrl());
		return simulator;
	}

	@Bean
	@Profile("default")
	@ConditionalOnProperty(name = "jingling.sandbox.scenario", havingValue = "true", matchIfMissing = true)
	DemoScenario demoScenario(WeComSimulator weCom, DirectoryStore directory, DemoMembers members, JdbcTemplate jdbc) {
		return new DemoScenario(weCom, directory, members, jdbc);
	}

	@Bean
	@Profile("default")
	@ConditionalOnProperty(name = "jingling.sandbox.scenario", havingValue = "true", matchIfMissing = true)
	DemoMorning demoMorning(DingTalkSimulator dingTalk, DutyBoard duty, DingTalkProperties dingTalkProperties,
			EventCallbackProperties callback, Clock clock) {
		return new DemoMorning(dingTalk, duty, dingTalkProperties, callback, clock);
	}

	@Bean
	@Profile("default")
	@ConditionalOnProperty(name = "jingling.sandbox.scenario", havingValue = "true", matchIfMissing = true)
	RouteBuilder demoScenarioRoutes(DemoScenario scenario, DemoMorning morning) {
		return new RouteBuilder() {
			@Override
			public void configure() {
				from("timer:sandbox-scenario?delay=5000&period=5000").routeId("sandbox-scenario")
					.bean(scenario, "play")
					.bean(morning, "play");
			}
		};
	}

	@Bean
	SandboxPlatforms sandboxPlatforms(DingTalkSimulator dingTalk, AliyunSmsSimulator sms, DirectoryStore directory,
			@Value("${jingling.sms.callback-token:}") String callbackToken,
			@Value("${jingling.sandbox.scenario:true}") boolean scenario) {
		return new SandboxPlatforms(dingTalk, sms, directory, callbackToken, scenario);
	}

	@Bean
	RouteBuilder sandboxSmsReceipts(SandboxPlatforms platforms) {
		return new RouteBuilder() {
			@Override
			public void configure() {
				from("timer:sandbox-sms-receipts?delay=20000&period=20000").routeId("sandbox-sms-receipts")
					.bean(platforms, "pushReceipts");
			}
		};
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnProperty("jingling.wxmp.app-id")
	MpSimulator mpSimulator(WxMpProperties properties, Clock clock) {
		MpSimulator simulator = MpSimulator.start(properties.appId(), properties.secret(), properties.token(),
				properties.aesKey(), clock);
		log.info("sandbox.wxmp started url={} journal={}/__admin/requests", simulator.baseUrl(), simulator.baseUrl());
		return simulator;
	}

	@Bean(destroyMethod = "close")
	AliyunSmsSimulator aliyunSmsSimulator(SmsProperties properties, EscalationPolicies policies,
			InformantSms informants) {
		// the Aliyun SDK dates its signatures by the system clock, so the simulator
		// judges
		// them, and its own windows, by that clock too
		AliyunSmsSimulator simulator = AliyunSmsSimulator.start(properties.accessKeyId(), properties.accessKeySecret(),
				Clock.systemUTC());
		simulator.approveSignName(properties.signName());
		properties.templates().forEach((template) -> simulator.approveTemplate(template.code(), template.parameters()));
		simulator.approveTemplate(policies.smsTemplate().code(), policies.smsTemplate().parameters());
		informants.templates().forEach((template) -> simulator.approveTemplate(template.code(), template.parameters()));
		log.info("sandbox.sms started url={}", simulator.baseUrl());
		return simulator;
	}

	@Bean(destroyMethod = "close")
	WeComSimulator weComSimulator(WeComProperties properties, Clock clock) {
		WeComSimulator simulator = WeComSimulator.start(properties.corpId(), properties.secret(), properties.token(),
				properties.aesKey(), properties.kfId(), clock);
		log.info("sandbox.wecom started url={} journal={}/__admin/requests", simulator.baseUrl(), simulator.baseUrl());
		return simulator;
	}

}
