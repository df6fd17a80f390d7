package io.jingling.support;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The {@code limit} a list endpoint of the API was asked for, checked. */
public final class ApiLimit {

	/** The most rows a list endpoint answers with, unless it says otherwise. */
	public static final int MAX = 500;

	private ApiLimit() {
	}

	/**
	 * @throws ResponseStatusException 400 when the limit is below 1 or above {@code max}
	 */
	public static int checked(int limit, int max) {
		if (limit < 1 || limit > max) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit 须在 1 到 " + max + " 之间");
		}
		return limit;
	}

}
