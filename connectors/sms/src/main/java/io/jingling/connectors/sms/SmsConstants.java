package io.jingling.connectors.sms;

import org.apache.camel.spi.Metadata;

/** Message headers the {@code sms} component sets. */
public final class SmsConstants {

	/**
	 * Set after a send: the BizId Aliyun gave it, which keys receipts and
	 * QuerySendDetails.
	 */
	@Metadata(label = "producer", description = "The BizId Aliyun SMS gave the accepted send.", javaType = "String")
	public static final String BIZ_ID = "CamelSmsBizId";

	private SmsConstants() {
	}

}
