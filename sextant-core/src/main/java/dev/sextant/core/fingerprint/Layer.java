package dev.sextant.core.fingerprint;

/**
 * The layers a fingerprint's facts are grouped in, each with its own digest, so that a change in
 * installed packages is told apart from a change of hardware or OS.
 */
public enum Layer {
  /** Hardware, OS, kernel, drivers, network: what the host is. */
  PLATFORM,
  /** Runtimes and libraries: libc, Python, Java, OS packages. */
  DEPENDENCIES,
  /** What is deployed on it. */
  ARTIFACTS;

  /** The layer a fact belongs to, from its key. */
  public static Layer of(String factKey) {
    String root = factKey.split("[.\\[]", 2)[0];
    return switch (root) {
      case "libc", "python", "java", "packages", "node", "jvm" -> DEPENDENCIES;
      case "artifacts", "artifact", "deployed" -> ARTIFACTS;
      default -> PLATFORM;
    };
  }

  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
