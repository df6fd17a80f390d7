package io.jingling.informant;

import io.jingling.support.Masks;

/**
 * Who an informant really is. Only ever held sealed at rest; never logged.
 *
 * @param externalUserId the WeCom external user id ({@code wm…})
 * @param name the real name, if known
 * @param phone the mobile number, if known
 */
public record Identity(String externalUserId, String name, String phone) {

	@Override
	public String toString() {
		return "Identity[externalUserId=" + Masks.person(this.externalUserId) + ", phone="
				+ ((this.phone == null) ? "-" : Masks.phone(this.phone)) + "]";
	}

}
