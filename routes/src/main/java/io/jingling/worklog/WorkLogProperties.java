package io.jingling.worklog;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Log settings under {@code jingling.logs.*}.
 *
 * @param templates the log templates the hub follows
 * @param pollEvery how often DingTalk is asked for new logs
 */
@ConfigurationProperties("jingling.logs")
public record WorkLogProperties(@DefaultValue( {
	}) List<Template> templates, @DefaultValue("10m") Duration pollEvery){

	/**
	 * @param name the template's name in DingTalk, e.g. {@code 值班日志}
	 * @param shareTo the group new logs are shared into as a card; none when blank
	 * @param requiredUnits officers of these units must submit one every day
	 * @param dueBy by when (bureau time), for the digest
	 */
	public record Template(String name, String shareTo, @DefaultValue( {
		}) List<String> requiredUnits, @DefaultValue("18:00") LocalTime dueBy){
	}

}
