package dev.sextant.server.store;

import java.util.List;
import java.util.Optional;

/**
 * The drift reports of environments.
 *
 * <p>Whether drift blocks an environment is not a flag of its own but read from the latest report
 * of each kind: an environment is blocked while the latest declared report or the latest
 * last-known-good report has the action {@link DriftAction#BLOCK}. A later check that finds no
 * drift (or is saved with another action) resolves it. So the block and its reason cannot disagree,
 * and lifting a block leaves a report behind that says when and why.
 */
public interface DriftReportStore {

  /** Saves a report at the current time. */
  StoredDriftReport save(DriftReportRecord report);

  /** The latest report of that kind for the environment. */
  Optional<StoredDriftReport> latest(String environment, DriftKind kind);

  /** The environment's last {@code limit} reports of either kind, oldest first (newest last). */
  List<StoredDriftReport> list(String environment, int limit);

  /** The latest reports (at most one per kind) that block new deployments to the environment. */
  List<StoredDriftReport> blockers(String environment);

  /** Whether drift blocks new deployments to the environment. */
  default boolean blocked(String environment) {
    return !blockers(environment).isEmpty();
  }
}
