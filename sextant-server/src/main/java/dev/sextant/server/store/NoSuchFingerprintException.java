package dev.sextant.server.store;

import dev.sextant.api.ProblemKind;

/** An environment has no fingerprint revision of that number (or no fingerprints at all). */
public final class NoSuchFingerprintException extends StoreException {
  private final String environment;
  private final long revision;

  NoSuchFingerprintException(String environment, long revision) {
    super("environment " + environment + " has no fingerprint revision " + revision);
    this.environment = environment;
    this.revision = revision;
  }

  @Override
  public ProblemKind kind() {
    return ProblemKind.NOT_FOUND;
  }

  public String environment() {
    return environment;
  }

  public long revision() {
    return revision;
  }
}
