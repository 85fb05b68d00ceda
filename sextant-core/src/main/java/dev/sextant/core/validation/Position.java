package dev.sextant.core.validation;

/** A place in a source text, 1-based as editors show it. Line 0 means "the whole file". */
public record Position(int line, int column) implements Comparable<Position> {
  public static final Position FILE = new Position(0, 0);

  public static Position of(int line, int column) {
    return new Position(line, column);
  }

  public boolean isKnown() {
    return line > 0;
  }

  @Override
  public int compareTo(Position o) {
    return line != o.line ? Integer.compare(line, o.line) : Integer.compare(column, o.column);
  }

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
