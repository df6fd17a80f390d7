package io.jingling.connectors.dingtalk.client;

import io.jingling.connectors.TransientConnectorException;

// DingTalk rejected the access token. The client catches it once to refresh and retry; a caller that
// still sees it knows only that a retry may help.
final class TokenRejectedException extends TransientConnectorException {

	TokenRejectedException(String code, String message) {
		super(DingTalkErrors.PLATFORM, code, message);
	}

}
