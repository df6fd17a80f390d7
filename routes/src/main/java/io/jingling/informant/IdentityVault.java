package io.jingling.informant;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Seals informant identities with AES-256-GCM (a fresh 96-bit IV per seal) and derives
 * the keyed lookup hash that lets the hub find a member by platform id without storing
 * the id in the clear. The lookup key is derived from the vault key, so one secret guards
 * both.
 */
public final class IdentityVault {

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec sealKey;

	private final SecretKeySpec lookupKey;

	private final SecureRandom random = new SecureRandom();

	private final ObjectMapper json = new ObjectMapper();

	/**
	 * @param base64Key 32 random bytes, Base64-encoded ({@code jingling.vault.key})
	 */
	public IdentityVault(String base64Key) {
		byte[] key = decode(base64Key);
		this.sealKey = new SecretKeySpec(key, "AES");
		this.lookupKey = new SecretKeySpec(sha256("jingling-lookup".getBytes(StandardCharsets.UTF_8), key),
				"HmacSHA256");
	}

	public String seal(Identity identity) {
		try {
			byte[] iv = new byte[IV_BYTES];
			this.random.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.sealKey, new GCMParameterSpec(TAG_BITS, iv));
			byte[] sealed = cipher.doFinal(this.json.writeValueAsBytes(identity));
			return Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
		}
		catch (GeneralSecurityException | JsonProcessingException ex) {
			throw new IllegalStateException("identity could not be sealed", ex);
		}
	}

	public Identity open(String sealed) {
		try {
			byte[] bytes = Base64.getDecoder().decode(sealed);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.sealKey, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
			return this.json.readValue(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), Identity.class);
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("identity could not be opened (wrong vault key?)", ex);
		}
	}

	/** A keyed hash of a platform id, e.g. {@code lookupHash("wecom", "wm…")}. */
	public String lookupHash(String platform, String platformId) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.lookupKey);
			return HexFormat.of()
				.formatHex(mac.doFinal((platform + ":" + platformId).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("lookup hash could not be computed", ex);
		}
	}

	private static byte[] decode(String base64Key) {
		byte[] key = (base64Key == null) ? new byte[0] : Base64.getDecoder().decode(base64Key.strip());
		if (key.length != 32) {
			throw new IllegalArgumentException(
					"jingling.vault.key must be 32 random bytes, Base64-encoded (e.g. openssl rand -base64 32)");
		}
		return key;
	}

	private static byte[] sha256(byte[] label, byte[] key) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(label);
			return digest.digest(key);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
