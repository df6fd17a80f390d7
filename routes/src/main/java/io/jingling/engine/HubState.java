package io.jingling.engine;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.jingling.assist.AssistRequests;
import io.jingling.bots.engine.AssistRequestView;
import io.jingling.bots.engine.Circle;
import io.jingling.bots.engine.Group;
import io.jingling.bots.engine.Officer;
import io.jingling.bots.engine.State;
import io.jingling.bots.engine.TipView;
import io.jingling.directory.DirectoryStore;
import io.jingling.duty.DutyBoard;
import io.jingling.order.Orders;
import io.jingling.reads.ReadReports;
import io.jingling.support.HubProperties;
import io.jingling.tip.Tips;

import org.springframework.stereotype.Component;

/**
 * The engine's read-only view of the hub: the directory snapshot plus orders and assist
 * requests.
 */
@Component
class HubState implements State {

	private final DirectoryStore directory;

	private final Orders orders;

	private final AssistRequests assistRequests;

	private final HubProperties hub;

	private final Tips tips;

	private final ReadReports readReports;

	private final DutyBoard duty;

	HubState(DirectoryStore directory, Orders orders, AssistRequests assistRequests, Tips tips, HubProperties hub,
			ReadReports readReports, DutyBoard duty) {
		this.readReports = readReports;
		this.duty = duty;
		this.directory = directory;
		this.orders = orders;
		this.assistRequests = assistRequests;
		this.tips = tips;
		this.hub = hub;
	}

	@Override
	public Optional<Group> group(String openConversationId) {
		return directory.current().group(openConversationId);
	}

	@Override
	public Optional<Group> groupNamed(String name) {
		return directory.current().groupNamed(name);
	}

	@Override
	public Optional<Officer> officer(String userId) {
		return directory.current().officer(userId);
	}

	@Override
	public List<Officer> officersNamed(String name) {
		return directory.current().officersNamed(name);
	}

	@Override
	public List<Circle> circles() {
		return directory.current().circles();
	}

	@Override
	public Optional<String> statusOf(String code) {
		return orders.statusOf(code).or(() -> assistRequests.statusOf(code));
	}

	@Override
	public String checkinSummary() {
		return this.duty.summary();
	}

	@Override
	public Optional<String> readStatusOf(String orderCode) {
		return this.readReports.readStatusOf(orderCode);
	}

	@Override
	public Optional<AssistRequestView> assistRequest(String code) {
		return this.assistRequests.view(code);
	}

	@Override
	public Optional<AssistRequestView> latestOpenAssistRequest(String circleId) {
		return this.assistRequests.latestOpen(circleId);
	}

	@Override
	public Optional<TipView> tip(String code) {
		return this.tips.view(code);
	}

	@Override
	public Duration assistValidity() {
		return hub.assistValidity();
	}

}
