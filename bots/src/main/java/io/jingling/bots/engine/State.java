package io.jingling.bots.engine;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the engine may read about the world. The routes module implements it over the
 * database; the engine only reads.
 */
public interface State {

	Optional<Group> group(String openConversationId);

	Optional<Group> groupNamed(String name);

	Optional<Officer> officer(String userId);

	/**
	 * Officers whose display name is exactly {@code name}; more than one when names
	 * repeat.
	 */
	List<Officer> officersNamed(String name);

	/** The six circles, in their configured order. */
	List<Circle> circles();

	/**
	 * A one-line Chinese status of an order, assist request or tip, by its code, if
	 * known.
	 */
	Optional<String> statusOf(String code);

	/**
	 * Who has read an order and who has not, in one Chinese paragraph (e.g. "已读
	 * 27/31，未读：张三、李四"), if the order is known.
	 */
	Optional<String> readStatusOf(String orderCode);

	/**
	 * Today's check-ins of on-duty officers by unit, and who has not checked in, in one
	 * Chinese paragraph.
	 */
	String checkinSummary();

	/**
	 * How long an assist request collects tips unless said otherwise (configured, 72
	 * hours by default).
	 */
	Duration assistValidity();

	/** An assist request by its code ({@code XC-yyyyMMdd-NNN}), if known. */
	Optional<AssistRequestView> assistRequest(String code);

	/**
	 * The most recently opened assist request in the circle that is still open
	 * ({@code CREATED}, {@code BROADCAST} or {@code COLLECTING}), if any.
	 */
	Optional<AssistRequestView> latestOpenAssistRequest(String circleId);

	/** A tip by its code ({@code XS-yyyyMMdd-NNNN}), if known. */
	Optional<TipView> tip(String code);

}
