package io.jingling.schedule;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.jingling.connectors.ConnectorException;

/**
 * Runs due work of one kind. A handler gets all of its kind's due items of a tick at
 * once, so it can share platform calls between them; it throws only for items that should
 * be tried again.
 */
public interface DueWorkHandler {

	/** The kind this handler runs, as stored in {@code due_work.kind}. */
	String kind();

	/**
	 * Runs the items; each is marked done unless it is named in the failure thrown.
	 * @throws DueWorkFailed naming the items to try again later
	 */
	void run(List<DueItem> items);

	/**
	 * Runs the work item by item; items whose platform call failed are tried again later,
	 * the others are done.
	 * @throws DueWorkFailed naming the failed items with the platform's code
	 */
	static void each(List<DueItem> items, Consumer<DueItem> work) {
		Map<Long, String> errors = new HashMap<>();
		for (DueItem item : items) {
			try {
				work.accept(item);
			}
			catch (ConnectorException ex) {
				errors.put(item.id(), ex.code());
			}
		}
		if (!errors.isEmpty()) {
			throw new DueWorkFailed(errors);
		}
	}

}
