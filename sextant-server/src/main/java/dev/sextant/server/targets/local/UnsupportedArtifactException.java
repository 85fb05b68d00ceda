package dev.sextant.server.targets.local;

/**
 * The local target cannot run this artifact: an OCI image, or a URL scheme it does not fetch. Not
 * worth retrying; the release needs another variant or another target.
 */
public final class UnsupportedArtifactException extends ArtifactException {

  UnsupportedArtifactException(String source, String message) {
    super(source, message);
  }
}
