package io.jingling.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A config kind whose version is the text of one file under {@code config/}. */
public abstract class OneFileKind implements ConfigKind {

	private final String name;

	private final String file;

	private final Path source;

	private final String title;

	/**
	 * @param name the kind's name in the API
	 * @param file the file's path from the hub's home, e.g. {@code config/circles.yaml}
	 * @param source where that file is
	 * @param title what admins call the kind, in Chinese
	 */
	protected OneFileKind(String name, String file, Path source, String title) {
		this.name = name;
		this.file = file;
		this.source = source;
		this.title = title;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public String readSource() {
		try {
			return Files.readString(this.source);
		}
		catch (IOException ex) {
			return "";
		}
	}

	@Override
	public Map<String, String> files(String content) {
		return Map.of(this.file, content);
	}

	@Override
	public String content(Map<String, String> files) {
		if (files.size() != 1 || !files.containsKey(this.file)) {
			throw new IllegalArgumentException(
					this.title + "只有一个文件：" + this.file + "；导入的是 " + String.join("、", files.keySet()));
		}
		return files.get(this.file);
	}

}
