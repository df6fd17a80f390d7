package io.jingling.bots.engine;

/** A place in a rules file, both numbers from 1, as an editor shows them. */
record Position(int line, int column) {

	@Override
	public String toString() {
		return "line " + this.line + ", column " + this.column;
	}

}
