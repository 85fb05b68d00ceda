package dev.sextant.core.document;

/**
 * Bounds on what one input may cost to read, so a hostile file (an alias bomb, a deeply nested
 * document, a huge file) is refused in bounded time and memory rather than exhausting the process.
 */
public record Limits(int maxBytes, int maxDepth, int maxAliases, int maxNodes, int maxDocuments) {
  /** 1 MiB per file, as Kubernetes bounds an object; depth 64; aliases expand to 100,000 nodes. */
  public static final Limits DEFAULT = new Limits(1 << 20, 64, 100, 100_000, 500);

  public Limits {
    if (maxBytes <= 0 || maxDepth <= 0 || maxAliases < 0 || maxNodes <= 0 || maxDocuments <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}
