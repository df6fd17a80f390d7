package io.jingling.config;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A config version as a zip of its files (paths from the hub's home, e.g.
 * {@code config/rules/command.yaml}), for GitOps: exported as such, and read back on
 * import with limits, so an archive cannot reach outside {@code config/} or blow up in
 * memory.
 */
final class ConfigArchive {

	static final int MAX_FILES = 64;

	static final int MAX_BYTES = 1024 * 1024;

	private ConfigArchive() {
	}

	static byte[] zip(Map<String, String> files) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
			for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
				zip.putNextEntry(new ZipEntry(file.getKey()));
				zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("config archive cannot be written", ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * @throws IllegalArgumentException for an archive that is not a zip, has a path
	 * outside {@code config/}, or is too large
	 */
	static Map<String, String> unzip(byte[] archive) {
		Map<String, String> files = new TreeMap<>();
		int total = 0;
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive), StandardCharsets.UTF_8)) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (entry.isDirectory()) {
					continue;
				}
				String name = entry.getName();
				if (!name.startsWith("config/") || name.contains("..") || name.contains("\\")) {
					throw new IllegalArgumentException("压缩包里的文件须在 config/ 之下：" + name);
				}
				if (files.size() == MAX_FILES) {
					throw new IllegalArgumentException("压缩包里的文件超过 " + MAX_FILES + " 个");
				}
				byte[] content = zip.readNBytes(MAX_BYTES - total + 1);
				total += content.length;
				if (total > MAX_BYTES) {
					throw new IllegalArgumentException("压缩包解开后超过 1 MB");
				}
				files.put(name, new String(content, StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("不是有效的 zip 压缩包", ex);
		}
		if (files.isEmpty()) {
			throw new IllegalArgumentException("压缩包里没有文件");
		}
		return files;
	}

}
