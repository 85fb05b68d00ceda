package dev.sextant.server.targets.local;

/**
 * An artifact could not be put into the cache: its download failed, it was too large, or its
 * content did not have the digest the release declares. The message names the URL with any
 * credentials and query removed.
 */
public class ArtifactException extends RuntimeException {
  private final String source;

  ArtifactException(String source, String message) {
    super(message);
    this.source = source;
  }

  ArtifactException(String source, String message, Throwable cause) {
    super(message, cause);
    this.source = source;
  }

  /** The artifact's URL as it may be shown (no user information, no query), or its image. */
  public String source() {
    return source;
  }
}
