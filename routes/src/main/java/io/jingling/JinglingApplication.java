package io.jingling;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.mustache.MustacheAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Jingling hub: DingTalk and WeChat channels joined to one rules engine. */
// Mustache renders the message templates only; the console's views are Thymeleaf's.
@SpringBootApplication(exclude = MustacheAutoConfiguration.class)
@ConfigurationPropertiesScan
public class JinglingApplication {

	public static void main(String[] args) {
		SpringApplication.run(JinglingApplication.class, args);
	}

}
