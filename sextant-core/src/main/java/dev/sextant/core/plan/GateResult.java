package dev.sextant.core.plan;

import java.util.Objects;

/**
 * One static (tier 0) check: the artifact is pinned by content, the fingerprint's signature holds,
 * the environment is not blocked by drift.
 */
public record GateResult(String name, boolean passed, String detail) {
  public GateResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(detail, "detail");
  }
}
