package io.jingling.informant;

import io.jingling.support.Masks;

/**
 * Who an informant really is. Only ever held sealed at rest; never logged.
 *
 * @param externalUserId the WeCom external user id ({@code wm…}), if known
 * @param openId the Official Account openid, if known
 * @param name the real name, if known
 * @param phone the mobile number, if known
 */
public record Identity(String externalUserId, String openId, String name, String phone) {

	public static Identity ofWeCom(String externalUserId) {
		return new Identity(externalUserId, null, null, null);
	}

	public static Identity ofOfficialAccount(String openId) {
		return new Identity(null, openId, null, null);
	}

	public static Identity ofPhone(String phone) {
		return new Identity(null, null, null, phone);
	}

	@Override
	public String toString() {
		return "Identity[externalUserId=" + Masks.person(this.externalUserId) + ", openId=" + Masks.person(this.openId)
				+ ", phone=" + ((this.phone == null) ? "-" : Masks.phone(this.phone)) + "]";
	}

}
