package io.jingling.connectors.sms.client;

/**
 * Mainland China mobile numbers as Aliyun SMS takes them: 11 digits starting with 1,
 * optionally written with a {@code +86}, {@code 0086} or {@code 86} country prefix.
 *
 * @see <a href="https://help.aliyun.com/document_detail/102364.html">SendBatchSms: number
 * formats</a>
 */
public final class PhoneNumbers {

	private static final int LENGTH = 11;

	private PhoneNumbers() {
	}

	/**
	 * The number as 11 digits without a country prefix.
	 * @throws IllegalArgumentException naming the masked number when it is not a mainland
	 * mobile number
	 */
	public static String normalise(String phoneNumber) {
		if (phoneNumber == null || phoneNumber.isBlank()) {
			throw new IllegalArgumentException("Phone number is missing");
		}
		String number = withoutCountryPrefix(phoneNumber.strip());
		if (number.length() != LENGTH || number.charAt(0) != '1' || !number.chars().allMatch(PhoneNumbers::isDigit)) {
			throw new IllegalArgumentException("Not a mainland China mobile number: " + mask(phoneNumber.strip())
					+ " (11 digits starting with 1)");
		}
		return number;
	}

	/**
	 * The number as it may appear in logs: the first three and the last four characters
	 * kept, the middle replaced by {@code ****} ({@code 138****8000}). A value shorter
	 * than a mobile number is masked whole, since keeping seven of its characters would
	 * show most of it.
	 */
	public static String mask(String phoneNumber) {
		if (phoneNumber == null) {
			return "null";
		}
		if (phoneNumber.length() < LENGTH) {
			return "****";
		}
		return phoneNumber.substring(0, 3) + "****" + phoneNumber.substring(phoneNumber.length() - 4);
	}

	// Only a prefix that leaves 11 characters is a country prefix: 86 could begin a
	// number too.
	private static String withoutCountryPrefix(String number) {
		for (String prefix : new String[] { "+86", "0086", "86" }) {
			if (number.startsWith(prefix) && number.length() == prefix.length() + LENGTH) {
				return number.substring(prefix.length());
			}
		}
		return number;
	}

	private static boolean isDigit(int c) {
		return c >= '0' && c <= '9';
	}

}
