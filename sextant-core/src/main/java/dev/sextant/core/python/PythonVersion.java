package dev.sextant.core.python;

/** The language version an interpreter implements, to the minor: what tags are made of. */
public record PythonVersion(int major, int minor) implements Comparable<PythonVersion> {
  public PythonVersion {
    if (major < 0 || minor < 0) {
      throw new IllegalArgumentException("negative Python version " + major + "." + minor);
    }
  }

  /** {@code 311} for 3.11, as in {@code cp311} (packaging's {@code _version_nodot}). */
  public String nodot() {
    return "" + major + minor;
  }

  public boolean atLeast(int major, int minor) {
    return compareTo(new PythonVersion(major, minor)) >= 0;
  }

  @Override
  public int compareTo(PythonVersion other) {
    return major != other.major
        ? Integer.compare(major, other.major)
        : Integer.compare(minor, other.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
