package dev.sextant.api;

/** What an apply did to one resource: its identity, the change, and its current revision. */
public record AppliedResource(
    String kind,
    String name,
    String change,
    long revision,
    String digest,
    String appliedBy,
    String appliedAt) {

  /** The current revision's facts. */
  public ResourceStatus status() {
    return new ResourceStatus(revision, digest, appliedBy, appliedAt);
  }
}
