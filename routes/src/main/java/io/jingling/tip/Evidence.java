package io.jingling.tip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.jingling.support.HubProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Media informants send (photos, voice), kept as evidence: stored once per content under
 * its SHA-256, so a tip's {@code sha256:<hex>} reference proves what was received. WeCom
 * serves KF media for a few days only, so it is fetched when the message is synced.
 */
@Component
public class Evidence {

	static final String PREFIX = "sha256:";

	private final Path directory;

	Evidence(HubProperties hub, @Value("${jingling.tips.evidence-dir:data/evidence}") String directory) {
		this.directory = hub.resolve(directory);
	}

	/**
	 * Stores the bytes (once per content) and returns their reference,
	 * {@code sha256:<hex>}.
	 */
	public String store(byte[] content) {
		String hash = sha256(content);
		Path file = fileOf(hash);
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(file.getParent());
				Path partial = Files.createTempFile(file.getParent(), hash, ".part");
				Files.write(partial, content);
				Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("evidence " + hash + " could not be stored", ex);
		}
		return PREFIX + hash;
	}

	public byte[] read(String reference) {
		try {
			return Files.readAllBytes(fileOf(hashOf(reference)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("evidence " + reference + " could not be read", ex);
		}
	}

	/** Deletes stored content (retention); true when there was something to delete. */
	boolean delete(String reference) {
		try {
			return Files.deleteIfExists(fileOf(hashOf(reference)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("evidence " + reference + " could not be deleted", ex);
		}
	}

	static boolean isReference(String value) {
		return value != null && value.startsWith(PREFIX);
	}

	private Path fileOf(String hash) {
		return this.directory.resolve(hash.substring(0, 2)).resolve(hash);
	}

	private static String hashOf(String reference) {
		if (!isReference(reference) || !reference.substring(PREFIX.length()).matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("not an evidence reference: " + reference);
		}
		return reference.substring(PREFIX.length());
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
