package io.jingling.config;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff between two versions: kept lines are left out, removed ones start with
 * {@code -}, added ones with {@code +}, in file order (longest common subsequence).
 */
final class LineDiff {

	private LineDiff() {
	}

	static String of(String before, String after) {
		String[] a = before.split("\n", -1);
		String[] b = after.split("\n", -1);
		int[][] common = new int[a.length + 1][b.length + 1];
		for (int i = a.length - 1; i >= 0; i--) {
			for (int j = b.length - 1; j >= 0; j--) {
				common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1
						: Math.max(common[i + 1][j], common[i][j + 1]);
			}
		}
		List<String> lines = new ArrayList<>();
		int i = 0;
		int j = 0;
		while (i < a.length && j < b.length) {
			if (a[i].equals(b[j])) {
				i++;
				j++;
			}
			else if (common[i + 1][j] >= common[i][j + 1]) {
				lines.add("- " + a[i++]);
			}
			else {
				lines.add("+ " + b[j++]);
			}
		}
		while (i < a.length) {
			lines.add("- " + a[i++]);
		}
		while (j < b.length) {
			lines.add("+ " + b[j++]);
		}
		return String.join("\n", lines);
	}

}
