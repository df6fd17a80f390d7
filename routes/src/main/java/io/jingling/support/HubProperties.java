package io.jingling.support;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Hub-wide settings under {@code jingling.*}.
 *
 * @param home where {@code config/} and {@code samples/} are found (default: the working
 * directory)
 * @param timeZone the zone of codes, "today" and quiet hours
 * @param assistValidity how long an assist request collects tips unless told otherwise
 * @param bureauFile the directory of officers, groups and circles, relative to
 * {@code home}
 */
@ConfigurationProperties("jingling")
public record HubProperties(@DefaultValue(".") String home, @DefaultValue("Asia/Shanghai") ZoneId timeZone,
		@DefaultValue("72h") Duration assistValidity, @DefaultValue("samples/demo/bureau.yaml") String bureauFile) {

	// paths stay strings here: Spring would resolve a bare Path against the servlet
	// context
	public Path resolve(String relative) {
		return Path.of(home).toAbsolutePath().resolve(relative).normalize();
	}

	public Path rulesDirectory() {
		return resolve("config/rules");
	}

}
