package io.jingling.duty;

import java.time.LocalTime;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Duty settings under {@code jingling.duty.*}.
 *
 * @param checkInBy on-duty officers who have not checked in by then are reminded by DING
 * (bureau time)
 * @param units the units whose officers are on duty; empty = every unit with an officer
 * of role {@code officer}
 * @param offDuty userIds off duty today (leave, rest): not reminded, and skipped by
 * escalation steps marked {@code on-duty-only}
 */
@ConfigurationProperties("jingling.duty")
public record DutyProperties(@DefaultValue("09:00") LocalTime checkInBy, @DefaultValue( {
	}) List<String> units, @DefaultValue({}) List<String> offDuty){
}
