package io.jingling.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The one shared application context of the integration tests: the embedded default (demo
 * bureau, sandbox simulators) on an in-memory H2, a movable clock, a random port, metrics
 * exported as in the running hub. Keep this the only configuration so the context is
 * built once for the whole suite.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "jingling.home=..", "spring.datasource.url=jdbc:h2:mem:hub;DB_CLOSE_DELAY=-1",
				"jingling.outbox.poll-period=100", "jingling.inbox.recover-period=1000",
				"jingling.sandbox.scenario=false", "spring.quartz.auto-startup=false",
				"jingling.tips.evidence-dir=routes/target/test-evidence",
				"jingling.alerts.group=" + HubTestConfiguration.ALERTS_GROUP })
@Import(HubTestConfiguration.class)
@AutoConfigureObservability(tracing = false)
@ExtendWith(OutputCaptureExtension.class)
public @interface HubTest {

}
