package dev.sextant.core.plan;

import java.util.Locale;

/** What a plan says of one release in one environment. */
public enum Verdict {
  /** A variant passes every tier that ran. */
  COMPATIBLE,
  /** No variant fits, or the dependency graph refuses the release. */
  INCOMPATIBLE,
  /** A variant fits, but a policy asks for an approval first. */
  NEEDS_APPROVAL,
  /** A policy forbids the release here, or a policy's rule could not be checked. */
  DENIED,
  /** The environment may not take deployments now: blocked by drift, or its facts are untrusted. */
  BLOCKED;

  /** The name in plans and JSON: {@code compatible}, {@code needs-approval}… */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
