package dev.sextant.server.store;

import dev.sextant.core.digest.Digest;
import java.time.Instant;

/**
 * A saved drift report: its id (increasing in the order reports were saved), when it was saved (to
 * the millisecond), and the sha256 of the report's canonical JSON.
 */
public record StoredDriftReport(
    long id, Instant checkedAt, Digest digest, DriftReportRecord report) {
  /** Whether this report, as the latest of its kind, blocks new deployments. */
  public boolean blocks() {
    return report.action() == DriftAction.BLOCK;
  }
}
